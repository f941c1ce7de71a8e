import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import type { IncentiveKind } from '../policies/policy.vocabulary.js';
import { regions } from '../reference/regions.js';
import type { DigestIncentive, DigestPeriod, MatchDigestData, OfficerDigestData } from './digest-data.js';
import { DIGEST_MATCH_REASONS, type DigestMatchReasons } from './digest-match-reasons.js';
import { DIGEST_NEWS, type DigestArticle, type DigestNewsSource } from './digest-news.js';
import { isDue } from './digest-schedule.js';
import type { AlertReason } from './notification-item.entity.js';
import { buildDueDigestsJob } from './notification.jobs.js';
import type { MatchFrequency } from './notification.vocabulary.js';
import { NotificationsService } from './notifications.service.js';
import { matchDigestTemplate } from './templates/match-digest.js';
import { officerDigestTemplate } from './templates/officer-digest.js';
import type { TemplateDefinition } from './templates/registry.js';

interface ItemRow {
  id: string;
  kind: 'match' | 'incentive' | 'officer_match' | 'officer_interest';
  match_id: string | null;
  incentive_id: number | null;
  event_type: string;
  reason: AlertReason | null;
}

interface MatchRow {
  id: string;
  score: number;
  reasons: string[];
  eligible_incentive_ids: number[];
  status: string;
  notified_score: number | null;
  withdrawn: boolean;
  project_id: number;
  project_title: string;
  region_code: string;
  total_investment_yuan: string;
  land_area_mu: string | null;
  enterprise_name: string;
}

const CONCURRENCY = 4;
const MAX_PER_DIGEST = 50;

/**
 * Builds match mail from pending items: for each recipient whose frequency is due (instant; the
 * daily or weekly slot at DIGEST_HOUR Asia/Shanghai), one message with everything pending — each
 * match once — enqueued in the same transaction that assigns the items to it. Items are locked
 * while a digest is built, so concurrent builders (several worker processes, an instant build
 * racing the scheduled one) never put an item in two messages; a recipient with nothing left to
 * say gets no message (never empty). Nothing is built for an account whose address is not verified
 * yet: its items are kept until it is.
 */
@Injectable()
export class DigestBuilder {
  private readonly log = new Logger('DigestBuilder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    @Optional() @Inject(DIGEST_NEWS) private readonly news?: DigestNewsSource,
    @Optional() @Inject(DIGEST_MATCH_REASONS) private readonly matchReasons?: DigestMatchReasons,
  ) {}

  /** The scheduler's tick (every 30 s, one per tick across worker processes; concurrent builds are safe anyway). */
  @JobHandler(buildDueDigestsJob)
  async tick(): Promise<number> {
    return this.buildDue();
  }

  /** Builds every digest that is due now (optionally only for some recipients); returns how many messages were enqueued. */
  async buildDue(opts: { recipientKeys?: string[] } = {}): Promise<number> {
    const pending: Array<{ recipient_key: string; oldest: Date; frequency: MatchFrequency; unverified: boolean }> =
      await this.dataSource.query(
        `SELECT i.recipient_key, min(i.created_at) AS oldest,
              coalesce(p.match_frequency,
                       CASE WHEN u.role = 'enterprise' THEN ue.notification_frequency WHEN u.id IS NOT NULL THEN 'instant' END,
                       e.notification_frequency, 'daily') AS frequency,
              (u.id IS NOT NULL AND u.email_verified_at IS NULL) AS unverified
       FROM notification_item i
       LEFT JOIN app_user u ON u.id = i.recipient_user_id
       LEFT JOIN notification_preference p ON p.user_id = i.recipient_user_id
       LEFT JOIN enterprise ue ON ue.id = u.enterprise_id
       LEFT JOIN enterprise e ON e.id = i.recipient_enterprise_id
       WHERE i.notification_id IS NULL AND ($1::varchar[] IS NULL OR i.recipient_key = ANY ($1::varchar[]))
       GROUP BY 1, 3, 4`,
        [opts.recipientKeys ?? null],
      );
    const now = this.clock.now();
    const off = pending.filter((p) => p.frequency === 'off').map((p) => p.recipient_key);
    if (off.length) {
      // opted out: what piled up is dropped, not sent later
      await this.dataSource.query(`DELETE FROM notification_item WHERE notification_id IS NULL AND recipient_key = ANY ($1::varchar[])`, [
        off,
      ]);
    }
    // an account that has not verified its address yet: its items wait (the first pass after verification sends them)
    const due = pending.filter(
      (p) => !p.unverified && isDue(p.frequency, new Date(p.oldest), now, this.config.DIGEST_HOUR, this.config.DIGEST_WEEKDAY),
    );
    let sent = 0;
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const p = due[next++];
        try {
          if (await this.buildFor(p.recipient_key, p.frequency as DigestPeriod)) sent++;
        } catch (err) {
          this.log.warn(
            { recipient: p.recipient_key, err: (err as Error).message },
            'building a digest failed; it is retried on the next pass',
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
    return sent;
  }

  /** Builds one recipient's message from its pending items now; returns the notification id, or null when there was nothing to say. */
  async buildFor(recipientKey: string, period: DigestPeriod): Promise<number | null> {
    return this.dataSource.transaction(async (m) => {
      const items: ItemRow[] = await m.query(
        `SELECT id, kind, match_id, incentive_id, event_type, reason FROM notification_item
         WHERE recipient_key = $1 AND notification_id IS NULL ORDER BY id LIMIT $2 FOR UPDATE`,
        [recipientKey, MAX_PER_DIGEST * 4],
      );
      if (!items.length) return null;
      const officer = items.some((i) => i.kind === 'officer_match' || i.kind === 'officer_interest');
      const built = officer ? await this.officerData(m, recipientKey, items, period) : await this.enterpriseData(m, items, period);
      const used = items.filter((i) => built.used.has(i.id)).map((i) => i.id);
      // items about nothing left to announce (a dismissed or deleted match) are dropped; items over
      // the size cap stay pending for the next message
      if (built.dropped.size) await m.query(`DELETE FROM notification_item WHERE id = ANY ($1::bigint[])`, [[...built.dropped]]);
      if (!used.length) return null;
      const [kind, id] = [recipientKey.slice(0, 1), Number(recipientKey.slice(2))];
      const news = officer ? null : await this.newsFor(m, recipientKey);
      if (news?.articles.length) (built.data as MatchDigestData).articles = news.articles;
      const { id: notificationId, created } = await this.notifications.enqueue(m, {
        template: (officer ? officerDigestTemplate : matchDigestTemplate) as TemplateDefinition<unknown>,
        recipient: kind === 'u' ? { userId: id } : { enterpriseId: id },
        data: built.data as unknown,
        dedupeKey: `digest:${recipientKey}:${used[0]}`,
        category: 'match',
      });
      await m.query(`UPDATE notification_item SET notification_id = $2 WHERE id = ANY ($1::bigint[])`, [used, notificationId]);
      if (created && news?.articles.length)
        await this.news!.markSent(
          m,
          news.enterpriseId,
          news.articles.map((a) => a.id),
          notificationId,
        );
      return notificationId;
    });
  }

  /** "本周招商资讯": the news module's articles for this enterprise's target regions and industries (none sent before). */
  private async newsFor(m: EntityManager, recipientKey: string): Promise<{ enterpriseId: number; articles: DigestArticle[] } | null> {
    if (!this.news) return null;
    const [kind, id] = [recipientKey.slice(0, 1), Number(recipientKey.slice(2))];
    const [e]: Array<{ id: number; target_region_codes: string[]; industry_codes: string[] }> = await m.query(
      kind === 'u'
        ? `SELECT e.id, e.target_region_codes, e.industry_codes FROM app_user u JOIN enterprise e ON e.id = u.enterprise_id WHERE u.id = $1`
        : `SELECT e.id, e.target_region_codes, e.industry_codes FROM enterprise e WHERE e.id = $1`,
      [id],
    );
    if (!e) return null;
    const who = { enterpriseId: e.id, targetRegionCodes: e.target_region_codes, industryCodes: e.industry_codes };
    return { enterpriseId: e.id, articles: await this.news.forDigest(m, who, this.clock.now()) };
  }

  private async loadMatches(m: EntityManager, ids: string[]): Promise<Map<string, MatchRow>> {
    if (!ids.length) return new Map();
    const rows: MatchRow[] = await m.query(
      `SELECT mt.id, mt.score, coalesce(mt.eligible_incentive_ids, '{}') AS eligible_incentive_ids, mt.status, mt.notified_score, mt.withdrawn_at IS NOT NULL AS withdrawn,
              p.id AS project_id, p.title AS project_title, p.region_code, p.total_investment_yuan, p.land_area_mu, e.name AS enterprise_name
       FROM match mt JOIN project p ON p.id = mt.project_id JOIN enterprise e ON e.id = mt.enterprise_id
       WHERE mt.id = ANY ($1::bigint[])`,
      [ids],
    );
    const reasons = (await this.matchReasons?.reasonsOf(m, ids)) ?? new Map<string, string[]>();
    return new Map(rows.map((r) => [String(r.id), { ...r, reasons: reasons.get(String(r.id)) ?? [] }]));
  }

  private async loadIncentives(m: EntityManager, ids: number[]): Promise<Map<number, DigestIncentive>> {
    if (!ids.length) return new Map();
    const rows: Array<{
      id: number;
      title: string;
      kind: IncentiveKind;
      granted_without_application: boolean;
      policy_title: string;
      document_number: string;
    }> = await m.query(
      `SELECT i.id, i.title, i.kind, i.granted_without_application, pol.title AS policy_title, pol.document_number
         FROM incentive i JOIN policy pol ON pol.id = i.policy_id WHERE i.id = ANY ($1::int[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          title: r.title,
          kind: r.kind,
          policyTitle: r.policy_title,
          documentNumber: r.document_number,
          grantedWithoutApplication: r.granted_without_application,
        },
      ]),
    );
  }

  private async enterpriseData(
    m: EntityManager,
    items: ItemRow[],
    period: DigestPeriod,
  ): Promise<{ data: MatchDigestData; used: Set<string>; dropped: Set<string> }> {
    const matchItems = items.filter((i) => i.kind === 'match' && i.match_id);
    const matches = await this.loadMatches(
      m,
      matchItems.map((i) => String(i.match_id)),
    );
    const incentiveIds = [
      ...items.filter((i) => i.kind === 'incentive').map((i) => i.incentive_id!),
      ...[...matches.values()].flatMap((x) => x.eligible_incentive_ids ?? []),
    ];
    const incentives = await this.loadIncentives(m, incentiveIds);
    const used = new Set<string>();
    const dropped = new Set<string>(
      items.filter((i) => (i.kind === 'match' && !i.match_id) || (i.kind !== 'match' && i.kind !== 'incentive')).map((i) => i.id),
    );
    const data: MatchDigestData = { period, enterpriseName: '', matches: [], incentives: [] };
    for (const i of matchItems) {
      const x = matches.get(String(i.match_id));
      // a match the enterprise dismissed, or that no longer holds (withdrawn) or is gone, is not announced
      if (!x || x.status === 'dismissed' || x.withdrawn) {
        dropped.add(i.id);
        continue;
      }
      if (data.matches.length >= MAX_PER_DIGEST) continue;
      used.add(i.id);
      data.enterpriseName = x.enterprise_name;
      data.matches.push({
        id: Number(x.id),
        score: x.score,
        improved: i.event_type === 'match.improved' && x.notified_score !== null,
        projectTitle: x.project_title,
        region: regions().fullName(x.region_code),
        investmentYuan: Number(x.total_investment_yuan),
        landMu: x.land_area_mu === null ? null : Number(x.land_area_mu),
        reasons: (x.reasons ?? []).slice(0, 4),
        incentives: (x.eligible_incentive_ids ?? []).map((id) => incentives.get(id)).filter((v): v is DigestIncentive => !!v),
      });
    }
    for (const i of items.filter((i) => i.kind === 'incentive')) {
      const inc = incentives.get(i.incentive_id!);
      if (!inc) {
        dropped.add(i.id);
        continue;
      }
      used.add(i.id);
      data.incentives.push(inc);
    }
    if (!data.enterpriseName && used.size) {
      const [e] = await m.query(`SELECT e.name FROM notification_item i JOIN enterprise e ON e.id = i.enterprise_id WHERE i.id = $1`, [
        [...used][0],
      ]);
      data.enterpriseName = e?.name ?? '';
    }
    data.matches.sort((a, b) => b.score - a.score || a.id - b.id);
    return { data, used, dropped };
  }

  private async officerData(
    m: EntityManager,
    recipientKey: string,
    items: ItemRow[],
    period: DigestPeriod,
  ): Promise<{ data: OfficerDigestData; used: Set<string>; dropped: Set<string> }> {
    const officerItems = items.filter((i) => (i.kind === 'officer_match' || i.kind === 'officer_interest') && i.match_id);
    const matches = await this.loadMatches(
      m,
      officerItems.map((i) => String(i.match_id)),
    );
    const [scope] = await m.query(`SELECT b.region_code FROM app_user u JOIN bureau b ON b.id = u.bureau_id WHERE u.id = $1`, [
      Number(recipientKey.slice(2)),
    ]);
    // the console's lead for each interest (the link an officer follows)
    const interestIds = officerItems.filter((i) => i.kind === 'officer_interest').map((i) => String(i.match_id));
    const leadRows: Array<{ match_id: string; id: number }> = interestIds.length
      ? await m.query(
          `SELECT DISTINCT ON (mt.id) mt.id AS match_id, l.id FROM match mt
           JOIN lead l ON l.match_id = mt.id OR (l.enterprise_id = mt.enterprise_id AND l.project_id = mt.project_id)
           WHERE mt.id = ANY ($1::bigint[]) ORDER BY mt.id, (l.match_id IS NOT DISTINCT FROM mt.id) DESC, l.id DESC`,
          [interestIds],
        )
      : [];
    const leadOf = new Map(leadRows.map((r) => [String(r.match_id), Number(r.id)]));
    const used = new Set<string>();
    const dropped = new Set<string>(items.filter((i) => !officerItems.includes(i)).map((i) => i.id));
    const regionName = scope ? regions().fullName(scope.region_code) : '';
    const data: OfficerDigestData = { period, regionName, matches: [], interests: [] };
    for (const i of officerItems) {
      const x = matches.get(String(i.match_id));
      // a high-score alert about a match that no longer holds is dropped; an enterprise's interest is not
      if (!x || (x.withdrawn && i.kind === 'officer_match')) {
        dropped.add(i.id);
        continue;
      }
      const region = regions().fullName(x.region_code);
      const base = {
        id: Number(x.id),
        score: x.score,
        projectTitle: x.project_title,
        region,
        enterpriseName: x.enterprise_name,
        projectId: Number(x.project_id),
      };
      if (i.kind === 'officer_interest') {
        if (data.interests.length >= MAX_PER_DIGEST) continue;
        const leadId = leadOf.get(String(x.id)) ?? null;
        data.interests.push({ ...base, leadId, why: alertReason(i.reason, 'interest', regionName) });
      } else {
        if (data.matches.length >= MAX_PER_DIGEST) continue;
        data.matches.push({ ...base, reasons: (x.reasons ?? []).slice(0, 3), why: alertReason(i.reason, 'match', regionName) });
      }
      used.add(i.id);
    }
    data.matches.sort((a, b) => b.score - a.score || a.id - b.id);
    return { data, used, dropped };
  }
}

/** Why an officer got an alert, in the words of the mail (zh-CN, en). */
export function alertReason(reason: AlertReason | null, kind: 'interest' | 'match', regionName: string): { 'zh-CN': string; en: string } {
  switch (reason) {
    case 'owner':
      return { 'zh-CN': '您是该线索的负责人', en: 'you own this lead' };
    case 'bureau_lead':
      return { 'zh-CN': '本局辖区内的新线索（您是本局负责人）', en: 'a new lead of your bureau (you lead the bureau)' };
    case 'subscribed':
      return {
        'zh-CN': `您订阅了${regionName || '本辖区'}全部招商动态（可在通知设置中关闭）`,
        en: `you subscribed to all alerts of ${regionName || 'your region'} (turn it off in your notification settings)`,
      };
    default:
      return kind === 'interest'
        ? { 'zh-CN': '本局辖区内的新线索', en: "a new lead in your bureau's region" }
        : {
            'zh-CN': '本局辖区内的新匹配（线索将由本局跟进）',
            en: "a new match in your bureau's region (its lead would be your bureau's)",
          };
  }
}
