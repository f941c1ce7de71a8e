import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { DrainLoop } from '../platform/database/drain-loop.js';
import { DigestBuilder } from './digest-builder.js';
import { matchInboxSql } from './inbox.js';

const BATCH = 500;
const POLL_MS = 2000;
const MAX_BACKOFF_MS = 10_000;

/**
 * Turns notification_event rows (written by the matching engine in the transaction of the match)
 * into digest items, one per recipient and subject:
 *  - match.new / match.improved / incentive.granted → the enterprise: each of its active accounts,
 *    or the enterprise itself (its contact address) when it has none;
 *  - match.interested → the owner of the lead made from it and the bureau leads of the bureau working
 *    it (reason `owner` / `bureau_lead`; the bureau's staff while nobody owns it: `bureau`);
 *  - match.new / match.improved with score ≥ OFFICER_ALERT_MIN_SCORE → the staff of the bureau
 *    responsible for the project's region (the deepest covering bureau with active staff: `bureau`);
 *  - officers of the other covering bureaus (city, province) only when they chose so (preference
 *    `regionAlerts`, default off: `subscribed`). Each item keeps its reason; the mail says it.
 * Events are claimed with FOR UPDATE SKIP LOCKED (any number of processes), items are upserted on
 * the pending (recipient, subject) key (a match is pending once per recipient however many events
 * name it), and the events are marked processed in the same transaction. Run by the shared
 * DrainLoop (NOTIFY on insert, a 2 s poll); instant recipients get their message right after.
 */
@Injectable()
export class NotificationEventProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NotificationEvents');
  private readonly loop: DrainLoop;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly digests: DigestBuilder,
  ) {
    this.loop = new DrainLoop({
      channel: 'notification_event',
      databaseUrl: config.DATABASE_URL,
      applicationName: 'investmatch-notification-events',
      pollMs: POLL_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
      log: this.log,
      failureMessage: 'processing notification events failed; retrying with backoff',
      drain: () => this.drain(),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.WORKERS) this.loop.start();
  }

  kick(): void {
    this.loop.kick();
  }

  /** Processes every pending event, then sends what instant recipients are due. For tests and scripts too. */
  async drain(): Promise<number> {
    let total = 0;
    const recipients = new Set<string>();
    for (;;) {
      const { events, recipientKeys } = await this.processBatch();
      total += events;
      recipientKeys.forEach((k) => recipients.add(k));
      if (events < BATCH) break;
    }
    if (recipients.size) await this.digests.buildDue({ recipientKeys: [...recipients] });
    return total;
  }

  /** One batch in one transaction: claim events, upsert items, mark the events processed. */
  async processBatch(): Promise<{ events: number; recipientKeys: string[] }> {
    return this.dataSource.transaction(async (m) => {
      const claimed: Array<{ id: string }> = await m.query(
        `SELECT id FROM notification_event WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (!claimed.length) return { events: 0, recipientKeys: [] };
      const ids = claimed.map((r) => r.id);
      const items: Array<{ recipient_key: string }> = await m.query(
        `WITH ev AS (
           SELECT * FROM notification_event WHERE id = ANY($1::bigint[])
         ), targets AS (
           -- the enterprise: its active accounts …
           SELECT ev.*, 'u:' || u.id AS recipient_key, u.id AS recipient_user_id, NULL::int AS recipient_enterprise_id,
                  CASE WHEN ev.type = 'incentive.granted' THEN 'incentive' ELSE 'match' END AS kind,
                  NULL::varchar AS reason, 0 AS reason_rank
           FROM ev JOIN app_user u ON u.enterprise_id = ev.enterprise_id AND u.active AND u.role = 'enterprise'
           WHERE ev.type IN ('match.new', 'match.improved', 'incentive.granted')
           UNION ALL
           -- … or, without accounts, the enterprise itself (its contact address)
           SELECT ev.*, 'e:' || ev.enterprise_id, NULL::int, ev.enterprise_id,
                  CASE WHEN ev.type = 'incentive.granted' THEN 'incentive' ELSE 'match' END, NULL, 0
           FROM ev JOIN enterprise e ON e.id = ev.enterprise_id
           WHERE ev.type IN ('match.new', 'match.improved', 'incentive.granted')
             AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_id = ev.enterprise_id AND u.active AND u.role = 'enterprise')
           UNION ALL
           -- an interest: the lead made from it — its owner and the bureau leads of the bureau working it
           -- (the bureau's staff while nobody owns it)
           SELECT ev.*, 'u:' || u.id, u.id, NULL::int, 'officer_interest',
                  CASE WHEN u.id = l.owner_id THEN 'owner' WHEN u.role = 'bureau_lead' THEN 'bureau_lead' ELSE 'bureau' END,
                  CASE WHEN u.id = l.owner_id THEN 1 WHEN u.role = 'bureau_lead' THEN 2 ELSE 3 END
           FROM ev
           CROSS JOIN LATERAL (
             SELECT l.owner_id, l.bureau_id FROM lead l
             WHERE l.match_id = ev.match_id OR (l.enterprise_id = ev.enterprise_id AND l.project_id = ev.project_id)
             ORDER BY (l.match_id IS NOT DISTINCT FROM ev.match_id) DESC, l.id DESC LIMIT 1) l
           JOIN app_user u ON u.active AND u.role IN ('officer', 'bureau_lead')
             AND (u.id = l.owner_id OR (u.bureau_id = l.bureau_id AND (u.role = 'bureau_lead' OR l.owner_id IS NULL)))
           WHERE ev.type = 'match.interested'
           UNION ALL
           -- a high-score match (or an interest without a lead): the staff of the bureau responsible for the
           -- project's region (the deepest covering bureau with active staff — where its lead would go)
           SELECT ev.*, 'u:' || u.id, u.id, NULL::int,
                  CASE WHEN ev.type = 'match.interested' THEN 'officer_interest' ELSE 'officer_match' END, 'bureau', 3
           FROM ev
           JOIN project p ON p.id = ev.project_id
           CROSS JOIN LATERAL (
             SELECT b.id FROM bureau b
             WHERE b.region_code = ANY (p.region_path)
               AND EXISTS (SELECT 1 FROM app_user x WHERE x.bureau_id = b.id AND x.active AND x.role IN ('officer', 'bureau_lead'))
             ORDER BY array_position(p.region_path, b.region_code) DESC, b.id LIMIT 1) rb
           JOIN app_user u ON u.bureau_id = rb.id AND u.active AND u.role IN ('officer', 'bureau_lead')
           WHERE (ev.type IN ('match.new', 'match.improved') AND ev.score >= $2)
              OR (ev.type = 'match.interested' AND NOT EXISTS (
                    SELECT 1 FROM lead l WHERE l.match_id = ev.match_id OR (l.enterprise_id = ev.enterprise_id AND l.project_id = ev.project_id)))
           UNION ALL
           -- by choice (notification preference region_alerts, default off): staff of any bureau covering the region
           SELECT ev.*, 'u:' || u.id, u.id, NULL::int,
                  CASE WHEN ev.type = 'match.interested' THEN 'officer_interest' ELSE 'officer_match' END, 'subscribed', 4
           FROM ev
           JOIN project p ON p.id = ev.project_id
           JOIN bureau b ON b.region_code = ANY (p.region_path)
           JOIN app_user u ON u.bureau_id = b.id AND u.active AND u.role IN ('officer', 'bureau_lead')
           JOIN notification_preference np ON np.user_id = u.id AND np.region_alerts
           WHERE ev.type = 'match.interested'
              OR (ev.type IN ('match.new', 'match.improved') AND ev.score >= $2)
         ), keyed AS (
           SELECT DISTINCT ON (recipient_key, subject_key) *
           FROM (SELECT t.*, CASE t.kind WHEN 'incentive' THEN 'i:' || t.incentive_id
                                         WHEN 'officer_interest' THEN 'x:' || t.match_id
                                         ELSE 'm:' || t.match_id END AS subject_key
                 FROM targets t
                 WHERE (t.kind = 'incentive' AND t.incentive_id IS NOT NULL)
                    OR (t.kind <> 'incentive' AND EXISTS (SELECT 1 FROM match mt WHERE mt.id = t.match_id))) s
           ORDER BY recipient_key, subject_key, id DESC, reason_rank
         )
         INSERT INTO notification_item (recipient_key, recipient_user_id, recipient_enterprise_id, kind, subject_key, match_id,
           project_id, enterprise_id, incentive_id, event_type, score, event_id, created_at, reason)
         SELECT k.recipient_key, k.recipient_user_id, k.recipient_enterprise_id, k.kind, k.subject_key,
                CASE WHEN k.kind = 'incentive' THEN NULL ELSE k.match_id END, k.project_id, k.enterprise_id, k.incentive_id,
                k.type, k.score, k.id, $3, k.reason
         FROM keyed k
         ON CONFLICT (recipient_key, subject_key) WHERE notification_id IS NULL
         DO UPDATE SET score = EXCLUDED.score, event_id = EXCLUDED.event_id, created_at = notification_item.created_at, reason = EXCLUDED.reason,
           event_type = CASE WHEN notification_item.event_type = 'match.new' THEN 'match.new' ELSE EXCLUDED.event_type END
         RETURNING recipient_key`,
        [ids, this.config.OFFICER_ALERT_MIN_SCORE, this.clock.now()],
      );
      // 消息中心: the enterprise's accounts see the new match in the header at once, whatever their mail frequency
      await m.query(matchInboxSql, [ids]);
      await m.query(`UPDATE notification_event SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      return { events: ids.length, recipientKeys: [...new Set(items.map((i) => i.recipient_key))] };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
