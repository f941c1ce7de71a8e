import { requireRole, requireStaff } from '../access/access-policy.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import { notFound, ProblemException } from '../platform/http/problem.js';
import { toPage, offsetOf, type Page } from '../platform/http/pagination.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { sendJobId, sendNotificationJob } from './notification.jobs.js';
import type { ListNotificationsQuery } from './notification.schemas.js';
import { NOTIFICATION_STATUSES, type NotificationCategory, type NotificationStatus } from './notification.vocabulary.js';

export interface NotificationView {
  id: number;
  template: string;
  category: NotificationCategory;
  status: NotificationStatus;
  statusLabel: string;
  attempts: number;
  /** Why it failed or was skipped, or the last temporary error while it is being retried. */
  lastError: string | null;
  recipient: { userId: number | null; enterpriseId: number | null; email: string | null; name: string | null };
  dedupeKey: string;
  messageId: string;
  providerMessageId: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
  resentAt: string | null;
  data?: Record<string, unknown>;
}

interface Row {
  id: string;
  template: string;
  category: NotificationCategory;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  recipient_user_id: number | null;
  recipient_enterprise_id: number | null;
  address: string | null;
  display_name: string | null;
  dedupe_key: string;
  message_id: string;
  provider_message_id: string | null;
  created_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
  resent_at: Date | null;
  data?: Record<string, unknown>;
  region_path: string[];
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function view(r: Row, withData = false): NotificationView {
  return {
    id: Number(r.id),
    template: r.template,
    category: r.category,
    status: r.status,
    statusLabel: NOTIFICATION_STATUSES[r.status] ?? r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    recipient: { userId: r.recipient_user_id, enterpriseId: r.recipient_enterprise_id, email: r.address, name: r.display_name },
    dedupeKey: r.dedupe_key,
    messageId: r.message_id,
    providerMessageId: r.provider_message_id,
    createdAt: iso(r.created_at)!,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    sentAt: iso(r.sent_at),
    resentAt: iso(r.resent_at),
    // account mail (verification, reset, invitation) carries single-use login links: never shown, not even to admins
    ...(withData ? { data: r.category === 'transactional' ? { redacted: '账户邮件含一次性链接，不予显示' } : r.data } : {}),
  };
}

const SELECT = `SELECT n.id, n.template, n.category, n.status, n.attempts, n.last_error, n.recipient_user_id, n.recipient_enterprise_id,
    coalesce(n.recipient_email, u.email) AS address, coalesce(n.recipient_name, u.name, e.name) AS display_name,
    n.dedupe_key, n.message_id, n.provider_message_id, n.created_at, n.next_attempt_at, n.sent_at, n.resent_at, n.region_path`;
const FROM = `FROM notification n LEFT JOIN app_user u ON u.id = n.recipient_user_id LEFT JOIN enterprise e ON e.id = n.recipient_enterprise_id`;

/**
 * Notifications as staff see them: admins all; officers and bureau leads the messages concerning
 * their region (an enterprise's mail by its home region, an officer's by their bureau's region, or
 * the region the producer named). Admins can resend a failed message.
 */
@Injectable()
export class NotificationsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  private scope(actor: Actor, params: unknown[]): string {
    if (actor.role === 'admin') return 'TRUE';
    if (!actor.regionScope) return 'FALSE';
    params.push([actor.regionScope]);
    return `n.region_path @> $${params.length}::char(6)[]`;
  }

  async list(actor: Actor, q: ListNotificationsQuery): Promise<Page<NotificationView>> {
    requireStaff(actor);
    const params: unknown[] = [];
    const where = [this.scope(actor, params)];
    const add = (sql: (p: string) => string, v: unknown) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    if (q.status) add((p) => `n.status = ANY (${p}::varchar[])`, q.status);
    if (q.category) add((p) => `n.category = ANY (${p}::varchar[])`, q.category);
    if (q.template) add((p) => `n.template = ${p}`, q.template);
    if (q.userId) add((p) => `n.recipient_user_id = ${p}`, q.userId);
    if (q.enterpriseId) add((p) => `n.recipient_enterprise_id = ${p}`, q.enterpriseId);
    if (q.email) add((p) => `coalesce(n.recipient_email, u.email) ILIKE ${p}`, `%${q.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${FROM} WHERE ${whereSql}`, params);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} ${FROM} WHERE ${whereSql} ORDER BY n.created_at DESC, n.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return toPage(
      rows.map((r) => view(r)),
      total,
      q,
    );
  }

  async get(actor: Actor, id: number): Promise<NotificationView> {
    requireStaff(actor);
    const params: unknown[] = [id];
    const scope = this.scope(actor, params);
    const [row]: Row[] = await this.dataSource.query(`${SELECT}, n.data ${FROM} WHERE n.id = $1 AND ${scope}`, params);
    if (!row) throw notFound('通知');
    return view(row, true);
  }

  /** Sends a failed message again (a fresh retry budget, the same Message-ID). */
  async resend(actor: Actor, id: number): Promise<NotificationView> {
    requireRole(actor, ['admin']);
    await this.dataSource.transaction(async (m) => {
      const [cur] = await m.query(`SELECT status, region_path FROM notification WHERE id = $1 FOR UPDATE`, [id]);
      if (!cur) throw notFound('通知');
      if (cur.status !== 'failed') {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'notification-not-failed',
          `只能重发发送失败的通知（当前状态：${NOTIFICATION_STATUSES[cur.status as NotificationStatus] ?? cur.status}）`,
        );
      }
      const [[r]] = await m.query(
        `UPDATE notification SET status = 'pending', attempt_base = attempts, next_attempt_at = now(), lease_until = NULL,
           resent_at = now(), resent_by = $2, updated_at = now()
         WHERE id = $1 RETURNING attempts`,
        [id, actor.userId],
      );
      await m.query(`INSERT INTO notification_open (notification_id) VALUES ($1) ON CONFLICT DO NOTHING`, [id]);
      await this.outbox.enqueue(m, sendNotificationJob.request({ id }, { jobId: sendJobId(id, r.attempts) }));
      await this.audit.record(m, {
        actor,
        action: 'notification.resent',
        target: { type: 'notification', id, region: (cur.region_path as string[]).at(-1) ?? null },
      });
    });
    return this.get(actor, id);
  }
}
