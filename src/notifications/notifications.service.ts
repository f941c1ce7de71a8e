import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { regions } from '../reference/regions.js';
import { sendJobId, sendNotificationJob } from './notification.jobs.js';
import { notificationCategories, type MessageLanguage, type NotificationCategory } from './notification.vocabulary.js';
import { templateNamed, type TemplateDefinition } from './templates/registry.js';

/** Who gets the message: an account, an enterprise (its contact address), or a bare address. */
export type Recipient = { userId: number } | { enterpriseId: number } | { email: string; name?: string };

export interface EnqueueInput<D = Record<string, unknown>> {
  /** A template from src/notifications/templates/ (the object defineTemplate returned, or its name). */
  template: TemplateDefinition<D> | string;
  recipient: Recipient;
  /** What the template renders; stored with the row (keep it small; no secrets you would not e-mail). */
  data: D;
  /** Unique per message: a second enqueue with the same key is a no-op (e.g. `password-reset:<tokenId>`). */
  dedupeKey: string;
  /** `transactional` ignores preferences and unsubscribes; `match` and `reminder` respect them (checked at send time). */
  category: NotificationCategory;
  /** Default: the recipient's language when the message is sent (Simplified Chinese unless they chose English). */
  language?: MessageLanguage;
  /** The region the message concerns (officers see messages of their region); default: the recipient's region. */
  regionCode?: string;
}

export interface EnqueueResult {
  /** The row id (also when the dedupe key already existed). */
  id: number;
  /** False when a message with this dedupe key already existed (nothing was written). */
  created: boolean;
}

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

/** The Message-ID header of a dedupe key: stable, so a resent message is recognisably the same one. */
export function messageIdFor(dedupeKey: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'investmatch.local';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/**
 * The producer side of notifications. `enqueue` writes the message row (and the job that will
 * send it, through the transactional outbox) in the caller's transaction, so a rolled-back change
 * sends nothing and a committed one is sent even if Redis is down at the time.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  async enqueue<D>(manager: EntityManager, input: EnqueueInput<D>): Promise<EnqueueResult> {
    const [r] = await this.enqueueMany(manager, [input as EnqueueInput<unknown>]);
    return r;
  }

  /** Many messages in one statement (digests, bulk mail); results in input order. */
  async enqueueMany(manager: EntityManager, inputs: EnqueueInput<unknown>[]): Promise<EnqueueResult[]> {
    if (!inputs.length) return [];
    const rows = inputs.map((i) => this.row(i));
    const keys = new Set<string>();
    for (const r of rows) {
      if (keys.has(r.dedupeKey)) throw new Error(`Notification dedupe key "${r.dedupeKey}" appears twice in one call`);
      keys.add(r.dedupeKey);
    }
    // one statement whatever the count: columns as arrays (unnest), the default region (the
    // enterprise's home region, or the account's bureau or enterprise region) joined in
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    const inserted: Array<{ id: string; dedupe_key: string }> = await manager.query(
      `WITH ins AS (
       INSERT INTO notification (dedupe_key, category, template, language, recipient_user_id, recipient_enterprise_id,
         recipient_email, recipient_name, region_path, data, message_id)
       SELECT v.dedupe_key, v.category, v.template, v.language, v.user_id, v.enterprise_id, v.email, v.name,
              coalesce(rp.path, e.home_region_path, rg.path, ue.home_region_path, '{}'), v.data, v.message_id
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::int[], $6::int[], $7::varchar[],
                   $8::varchar[], $9::varchar[], $10::jsonb[], $11::varchar[])
            WITH ORDINALITY AS v(dedupe_key, category, template, language, user_id, enterprise_id, email, name, region_code, data, message_id, n)
       LEFT JOIN region rp ON rp.code = v.region_code
       LEFT JOIN enterprise e ON e.id = v.enterprise_id
       LEFT JOIN app_user u ON u.id = v.user_id
       LEFT JOIN bureau bu ON bu.id = u.bureau_id
       LEFT JOIN region rg ON rg.code = bu.region_code
       LEFT JOIN enterprise ue ON ue.id = u.enterprise_id
       ORDER BY v.n
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, dedupe_key
       ), opened AS (INSERT INTO notification_open (notification_id) SELECT id FROM ins)
       SELECT id, dedupe_key FROM ins`,
      [
        col((r) => r.dedupeKey),
        col((r) => r.category),
        col((r) => r.template),
        col((r) => r.language),
        col((r) => r.userId),
        col((r) => r.enterpriseId),
        col((r) => r.email),
        col((r) => r.name),
        col((r) => r.regionCode),
        col((r) => JSON.stringify(r.data)),
        col((r) => r.messageId),
      ],
    );
    const created = new Map(inserted.map((r) => [r.dedupe_key, Number(r.id)]));
    if (created.size) {
      await this.outbox.enqueue(
        manager,
        ...[...created.values()].map((id) => sendNotificationJob.request({ id }, { jobId: sendJobId(id, 0) })),
      );
    }
    const missing = rows.filter((r) => !created.has(r.dedupeKey)).map((r) => r.dedupeKey);
    const existing = new Map<string, number>();
    if (missing.length) {
      const found: Array<{ id: string; dedupe_key: string }> = await manager.query(
        `SELECT id, dedupe_key FROM notification WHERE dedupe_key = ANY($1::varchar[])`,
        [missing],
      );
      for (const f of found) existing.set(f.dedupe_key, Number(f.id));
    }
    return rows.map((r) =>
      created.has(r.dedupeKey) ? { id: created.get(r.dedupeKey)!, created: true } : { id: existing.get(r.dedupeKey) ?? 0, created: false },
    );
  }

  /**
   * An account's owner verified its address: the messages held for it (NotificationSender.hold)
   * become pending again and are sent, in the verifying transaction (through the outbox).
   */
  async releaseHeld(manager: EntityManager, account: { userId: number; email: string }): Promise<number> {
    const released: Array<{ id: string; attempts: number }> = await manager.query(
      `WITH r AS (
         UPDATE notification SET status = 'pending', next_attempt_at = now(), last_error = NULL, updated_at = now()
         WHERE status = 'held' AND (recipient_user_id = $1 OR recipient_email = $2)
         RETURNING id, attempts
       ), opened AS (INSERT INTO notification_open (notification_id) SELECT id FROM r)
       SELECT id, attempts FROM r ORDER BY id`,
      [account.userId, account.email.toLowerCase()],
    );
    if (released.length) {
      await this.outbox.enqueue(
        manager,
        ...released.map((r) => sendNotificationJob.request({ id: Number(r.id) }, { jobId: sendJobId(Number(r.id), r.attempts) })),
      );
    }
    return released.length;
  }

  private row(i: EnqueueInput<unknown>) {
    const name = typeof i.template === 'string' ? i.template : i.template.name;
    const def = templateNamed(name);
    if (!def) throw new Error(`Unknown notification template "${name}" (import its file from src/notifications/templates/)`);
    def.validate?.(i.data);
    if (!i.dedupeKey || i.dedupeKey.length > 200) throw new Error('Notification dedupeKey must be 1-200 characters');
    if (!notificationCategories.includes(i.category)) throw new Error(`Unknown notification category "${i.category}"`);
    const rc = i.recipient as { userId?: number; enterpriseId?: number; email?: string; name?: string };
    const set = [rc.userId, rc.enterpriseId, rc.email].filter((v) => v !== undefined && v !== null);
    if (set.length !== 1) throw new Error('A notification recipient is exactly one of { userId }, { enterpriseId }, { email }');
    if (rc.email !== undefined && (rc.email.length > 254 || !EMAIL.test(rc.email)))
      throw new Error(`Invalid recipient e-mail address "${rc.email}"`);
    if (i.regionCode !== undefined && !regions().has(i.regionCode)) throw new Error(`Unknown region code "${i.regionCode}"`);
    return {
      dedupeKey: i.dedupeKey,
      category: i.category,
      template: name,
      language: i.language ?? null,
      userId: rc.userId ?? null,
      enterpriseId: rc.enterpriseId ?? null,
      email: rc.email?.trim().toLowerCase() ?? null,
      name: rc.name?.slice(0, 200) ?? null,
      regionCode: i.regionCode ?? null,
      data: i.data ?? {},
      messageId: messageIdFor(i.dedupeKey, this.config.MAIL_FROM),
    };
  }
}
