import { DomainEvents } from '../platform/events/domain-events.js';
import { matchesTold } from './notification.events.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { NotificationLinks, type Subscriber } from './links.js';
import { MailTransport } from './mail-transport.js';
import { sendJobId, sendNotificationJob } from './notification.jobs.js';
import type { MessageLanguage, NotificationCategory } from './notification.vocabulary.js';
import { MicroBatch } from './micro-batch.js';
import { renderMessage } from './templates/registry.js';

/** A claimed row with everything needed to decide and address it (one query). */
interface Claimed {
  id: string;
  category: NotificationCategory;
  template: string;
  language: MessageLanguage | null;
  recipient_user_id: number | null;
  recipient_enterprise_id: number | null;
  recipient_email: string | null;
  recipient_name: string | null;
  data: Record<string, unknown>;
  attempts: number;
  attempt_base: number;
  message_id: string;
  address: string | null;
  display_name: string | null;
  user_active: boolean | null;
  lang: MessageLanguage;
  opted_out: boolean;
  /** The address is an account's whose owner has not verified it (yet). */
  unverified: boolean;
}

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'retry' | 'noop' | 'held';

/** Test-only fault injection: NOTIFICATIONS_FAULT="<point>:<n>" SIGKILLs this process the n-th time it passes <point>. */
const FAULT_POINTS = ['claimed', 'before-send', 'after-accept'] as const;
type FaultPoint = (typeof FAULT_POINTS)[number];

/**
 * Sends one notification row. Claiming is a single UPDATE (pending and due, or sending with an
 * expired lease), so two jobs for the same row never send it at once; preferences and unsubscribes
 * are read in the same statement, i.e. at send time. The outcome is recorded after the SMTP
 * exchange: the only window in which a message can go out twice is a crash (or a lost reply)
 * after the server accepted it and before that record — the retry then carries the same
 * Message-ID, so receivers can recognise the copy.
 */
@Injectable()
export class NotificationSender {
  private readonly log = new Logger('NotificationSender');
  private readonly fault?: { point: FaultPoint; n: number; seen: number };
  private readonly claims = new MicroBatch<number, Claimed | null>((ids) => this.claimMany(ids));
  private readonly records = new MicroBatch<{ id: number; provider: string; address: string; name: string | null }, void>((xs) =>
    this.recordSentMany(xs),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly links: NotificationLinks,
    private readonly queues: QueueService,
    private readonly events: DomainEvents,
  ) {
    const f = config.NODE_ENV === 'test' ? /^([a-z-]+):(\d+)$/.exec(process.env.NOTIFICATIONS_FAULT ?? '') : null;
    if (f && (FAULT_POINTS as readonly string[]).includes(f[1])) this.fault = { point: f[1] as FaultPoint, n: Number(f[2]), seen: 0 };
  }

  @JobHandler(sendNotificationJob)
  async handle(job: Job<{ id: number }>): Promise<SendOutcome> {
    return this.send(job.data.id);
  }

  async send(id: number): Promise<SendOutcome> {
    const row = await this.claim(id);
    if (!row) return 'noop';
    this.faultPoint('claimed');

    if (row.recipient_user_id && !row.user_active) return this.finish(row, 'skipped', '收件人账户不存在或已停用');
    // before its owner verified it, an address gets account mail only (a sign-up must not make us mail a stranger)
    if (row.category !== 'transactional' && row.unverified) return this.hold(row);
    if (row.category !== 'transactional' && row.opted_out) return this.finish(row, 'skipped', '收件人已退订此类邮件');
    if (!row.address) return this.finish(row, 'skipped', '收件人没有可用的邮箱地址');

    let rendered;
    const subscriber = this.subscriberOf(row);
    const links =
      row.category === 'transactional'
        ? { unsubscribeUrl: null, preferencesUrl: null }
        : { unsubscribeUrl: this.links.unsubscribeUrl(subscriber, row.category), preferencesUrl: this.links.preferencesUrl(subscriber) };
    try {
      rendered = renderMessage(row.template, row.data, {
        lang: row.lang,
        baseUrl: this.config.PUBLIC_BASE_URL,
        recipientName: row.display_name,
        ...links,
      });
    } catch (err) {
      return this.finish(row, 'failed', `模板渲染失败：${(err as Error).message}`);
    }

    this.faultPoint('before-send');
    let info;
    try {
      info = await this.transport.send({
        to: { name: row.display_name, address: row.address },
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: row.message_id,
        headers: { 'X-InvestMatch-Notification': String(row.id) },
        unsubscribeUrl: links.unsubscribeUrl,
      });
    } catch (err) {
      return this.failed(row, err as SmtpError);
    }
    this.faultPoint('after-accept');
    await this.records.push({ id: Number(row.id), provider: info.providerMessageId, address: row.address, name: row.display_name });
    return 'sent';
  }

  private claim(id: number): Promise<Claimed | null> {
    return this.claims.push(id);
  }

  /** Claims many rows in one statement (group commit); answers per id, null when not claimable. */
  private async claimMany(ids: number[]): Promise<Array<Claimed | null>> {
    const rows: Claimed[] = await this.dataSource.query(
      `WITH c AS (
         UPDATE notification SET status = 'sending', attempts = attempts + 1, updated_at = now(),
           lease_until = now() + make_interval(secs => $2::int / 1000.0)
         WHERE id = ANY ($1::bigint[]) AND ((status = 'pending' AND next_attempt_at <= now() + interval '5 seconds')
                            OR (status = 'sending' AND lease_until < now()))
         RETURNING id, category, template, language, recipient_user_id, recipient_enterprise_id, recipient_email,
                   recipient_name, data, attempts, attempt_base, message_id
       ), r AS (
         SELECT c.*, u.active AS user_active,
           coalesce(c.recipient_email, u.email, (
             SELECT lower(x.v->>'email') FROM jsonb_array_elements(e.contacts) WITH ORDINALITY x(v, n)
             WHERE coalesce(x.v->>'email', '') <> '' ORDER BY x.n LIMIT 1
           ), (SELECT eu.email FROM app_user eu WHERE eu.enterprise_id = e.id AND eu.active ORDER BY eu.id LIMIT 1)) AS address,
           coalesce(u.name, c.recipient_name, e.name) AS display_name,
           coalesce(c.language, p.language, ue.notification_language, e.notification_language, 'zh-CN') AS lang,
           CASE c.category
             WHEN 'match' THEN coalesce(p.match_frequency, ue.notification_frequency, e.notification_frequency) = 'off'
             WHEN 'reminder' THEN p.reminders IS FALSE
             ELSE false END AS pref_off
         FROM c
         LEFT JOIN app_user u ON u.id = c.recipient_user_id
         LEFT JOIN notification_preference p ON p.user_id = c.recipient_user_id
         LEFT JOIN enterprise ue ON ue.id = u.enterprise_id
         LEFT JOIN enterprise e ON e.id = c.recipient_enterprise_id
       )
       SELECT r.*, (coalesce(r.pref_off, false) OR EXISTS (SELECT 1 FROM notification_suppression s WHERE s.email = r.address AND s.category = r.category)) AS opted_out,
         EXISTS (SELECT 1 FROM app_user x WHERE x.email = r.address AND x.email_verified_at IS NULL) AS unverified
       FROM r`,
      [ids, leaseMs(this.config)],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    // two jobs for the same row in one batch (a rescue and the original): only the first gets it
    return ids.map((id) => {
      const r = byId.get(id) ?? null;
      byId.delete(id);
      return r;
    });
  }

  /** Records many accepted messages in one statement; then notes on their matches that the enterprise was told. */
  private async recordSentMany(sent: Array<{ id: number; provider: string; address: string; name: string | null }>): Promise<void[]> {
    const [done]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `WITH s AS (
         UPDATE notification n SET status = 'sent', sent_at = now(), provider_message_id = v.provider, recipient_email = v.address,
           recipient_name = coalesce(n.recipient_name, v.name), lease_until = NULL, last_error = NULL, updated_at = now(),
           -- transactional mail carries single-use links: once delivered, the copy in the database is of no use to anyone
           data = CASE WHEN n.category = 'transactional' THEN '{"redacted":true}'::jsonb ELSE n.data END
         FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[]) AS v(id, provider, address, name)
         WHERE n.id = v.id AND n.status = 'sending'
         RETURNING n.id)
       DELETE FROM notification_open o USING s WHERE o.notification_id = s.id RETURNING s.id`,
      [sent.map((x) => x.id), sent.map((x) => x.provider), sent.map((x) => x.address), sent.map((x) => x.name)],
    );
    if (done.length) {
      // bookkeeping for the matching engine (status new › notified, the score the enterprise was told);
      // rows locked in id order, and a failure here does not undo the record of the send
      await this.dataSource
        .query(
          `SELECT i.match_id, max(i.score) AS score FROM notification_item i
           WHERE i.notification_id = ANY ($1::bigint[]) AND i.kind = 'match' AND i.match_id IS NOT NULL GROUP BY i.match_id`,
          [done.map((d) => d.id)],
        )
        .then((rows: Array<{ match_id: string; score: number }>) =>
          this.events.emit(this.dataSource.manager, matchesTold, {
            told: rows.map((r) => ({ matchId: Number(r.match_id), score: r.score })),
          }),
        )
        .catch((err) => this.log.warn({ err: (err as Error).message }, 'could not mark matches as notified'));
    }
    return sent.map(() => undefined);
  }

  private subscriberOf(row: Claimed): Subscriber {
    if (row.recipient_user_id) return { kind: 'user', id: row.recipient_user_id };
    if (row.recipient_enterprise_id) return { kind: 'enterprise', id: row.recipient_enterprise_id };
    return { kind: 'address', email: row.address! };
  }

  /** Classifies an SMTP failure: permanent → failed; temporary → retried later with backoff and jitter. */
  private async failed(row: Claimed, err: SmtpError): Promise<SendOutcome> {
    const reason = describeSmtpError(err);
    if (isPermanent(err)) return this.finish(row, 'failed', reason);
    if (row.attempts - row.attempt_base >= this.config.MAIL_MAX_ATTEMPTS)
      return this.finish(row, 'failed', `已重试 ${row.attempts - row.attempt_base} 次仍未成功：${reason}`);
    const delay = retryDelay(row.attempts, this.config.MAIL_RETRY_BASE_MS, this.config.MAIL_RETRY_MAX_MS);
    await this.dataSource.query(
      `UPDATE notification SET status = 'pending', lease_until = NULL, last_error = $2, updated_at = now(),
         next_attempt_at = now() + make_interval(secs => $3::int / 1000.0)
       WHERE id = $1 AND status = 'sending'`,
      [row.id, reason, delay],
    );
    try {
      await this.queues.add(
        sendNotificationJob.request({ id: Number(row.id) }, { jobId: sendJobId(Number(row.id), row.attempts), delayMs: delay }),
      );
    } catch (e) {
      // Redis unreachable: the rescuer re-enqueues due rows once it is back
      this.log.warn({ id: row.id, err: (e as Error).message }, 'could not schedule the retry; the rescuer will');
    }
    return 'retry';
  }

  /**
   * Parks a message to an unverified address: no longer open (the rescuer leaves it alone), the
   * claim not counted as an attempt; NotificationsService.releaseHeld makes it pending again.
   */
  private async hold(row: Claimed): Promise<SendOutcome> {
    await this.dataSource.query(
      `WITH h AS (
         UPDATE notification SET status = 'held', last_error = $2, lease_until = NULL, attempt_base = attempt_base + 1, updated_at = now(),
           recipient_email = coalesce(recipient_email, $3)
         WHERE id = $1 AND status = 'sending' RETURNING id)
       DELETE FROM notification_open o USING h WHERE o.notification_id = h.id`,
      [row.id, '收件人尚未验证邮箱，验证后发送', row.address],
    );
    return 'held';
  }

  private async finish(row: Claimed, status: 'skipped' | 'failed', reason: string): Promise<SendOutcome> {
    await this.dataSource.query(
      `WITH f AS (
         UPDATE notification SET status = $2, last_error = $3, lease_until = NULL, updated_at = now(),
           recipient_email = coalesce(recipient_email, $4)
         WHERE id = $1 AND status = 'sending' RETURNING id)
       DELETE FROM notification_open o USING f WHERE o.notification_id = f.id`,
      [row.id, status, reason.slice(0, 1000), row.address],
    );
    if (status === 'failed') this.log.warn({ id: row.id, reason }, 'notification failed');
    return status;
  }

  private faultPoint(point: FaultPoint): void {
    const f = this.fault;
    if (!f || f.point !== point) return;
    if (++f.seen === f.n) process.kill(process.pid, 'SIGKILL');
  }
}

export type SmtpError = Error & { code?: string; responseCode?: number; response?: string; permanent?: boolean; command?: string };

/** 5xx replies (except 503) and bad addresses are permanent; connection trouble, timeouts and 4xx are not. */
export function isPermanent(err: SmtpError): boolean {
  if (typeof err.permanent === 'boolean') return err.permanent;
  if (typeof err.responseCode === 'number') return err.responseCode >= 500 && err.responseCode !== 503;
  return err.code === 'EENVELOPE' || err.code === 'EMESSAGE';
}

export function describeSmtpError(err: SmtpError): string {
  const parts = [err.responseCode ? `SMTP ${err.responseCode}` : (err.code ?? err.name), (err.response ?? err.message ?? '').trim()];
  return parts.filter(Boolean).join(' ').slice(0, 1000);
}

/** How long a claim holds: twice the send deadline (rendering and recording are short). */
export const leaseMs = (config: AppConfig) => 2 * config.MAIL_SEND_TIMEOUT_MS;

/** Exponential backoff with "equal jitter": half fixed, half random — base·2^(n-1), capped. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
