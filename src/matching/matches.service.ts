import { recordMatchInterest } from '../notifications/notification-events.js';
import { Match } from './match.entity.js';
import { AccessPolicy, requireRole, requireStaff } from '../access/access-policy.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { coversRegion, isAdmin, isStaff, ownsEnterprise, type Actor } from '../access/actor.js';
import { industryRef, regionRef } from '../reference/refs.js';
import {
  CERTIFICATION_KINDS,
  ENTERPRISE_SIZES,
  type CertificationKind,
  type EnterpriseSize,
} from '../enterprises/enterprise.vocabulary.js';
import { offsetOf, orderSql, toPage, type Page } from '../platform/http/pagination.js';
import { notFound, ProblemException } from '../platform/http/problem.js';
import type { Incentive } from '../policies/incentive.entity.js';
import { findIncentives } from '../policies/incentive.reads.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { matchInterested } from './match.events.js';
import { INCENTIVE_KINDS } from '../policies/policy.vocabulary.js';
import { PROJECT_STAGES, type ProjectStage } from '../projects/project.vocabulary.js';
import { MatchExplanations, type Explanation } from './match-explanations.js';
import { MATCH_STATUSES, type MatchStatus } from './match.vocabulary.js';
import { MatchingEngine } from './matching.engine.js';
import {
  ENTERPRISE_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_INCENTIVES_SQL,
  toMatchEnterprise,
  toMatchIncentive,
  toMatchProject,
} from './rows.js';
import { FACTOR_LABELS, type Factor } from './scoring/config.js';
import { isMatch, scoreMatch, type MatchIncentive } from './scoring/score.js';

export interface MatchListQuery {
  page: number;
  pageSize: number;
  status?: MatchStatus[];
  minScore?: number;
  /** Also list matches that no longer hold (project closed or unpublished, profile changed). */
  includeWithdrawn?: boolean;
  /** Column sort (orderParam over MATCH_ORDER_SQL); default: best score first. */
  order?: string;
}

/** The columns a list of matches sorts by. */
export const MATCH_ORDER_SQL = {
  score: 'm.score',
  enterprise: '(SELECT e.name FROM enterprise e WHERE e.id = m.enterprise_id)',
  status: 'm.status',
  matchedAt: 'm.created_at',
};

interface MatchRecord {
  id: string;
  enterprise_id: number;
  project_id: number;
  score: number;
  verdict: Buffer | null;
  eligible_incentive_ids: number[];
  needs_info_incentive_ids: number[];
  status: MatchStatus;
  status_changed_at: Date;
  computed_at: Date;
  withdrawn_at: Date | null;
  created_at: Date;
}

const MATCH_COLUMNS = `m.id, m.enterprise_id, m.project_id, m.score, m.verdict,
  coalesce(m.eligible_incentive_ids, '{}') AS eligible_incentive_ids, coalesce(m.needs_info_incentive_ids, '{}') AS needs_info_incentive_ids,
  m.status, m.status_changed_at, m.computed_at, m.withdrawn_at, m.created_at`;

const conflict = (type: string, detail: string) => new ProblemException(HttpStatus.CONFLICT, type, detail);

/**
 * Matches as people see them: an enterprise its own (never another's), staff the matches of
 * projects in their region (admins: all); and the enterprise's answers — interested (the leads
 * module turns that into a lead; a `match.interested` event is written with it) or dismissed
 * (remembered with its score: it resurfaces only if the score rises materially).
 */
@Injectable()
export class MatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly engine: MatchingEngine,
    private readonly access: AccessPolicy,
    private readonly explanations: MatchExplanations,
  ) {}

  /** The explanation for a caller who may see the enterprise and the project (a draft elsewhere: 404). */
  async explainFor(actor: Actor, enterpriseId: number, projectId: number) {
    await this.access.enterprise(actor, enterpriseId, 'read');
    await this.access.project(actor, projectId, 'read');
    return this.explain(enterpriseId, projectId);
  }

  /**
   * GET /enterprises/:id/matches/explain?projectId= — why a project is (or is not) a match for an
   * enterprise, scored now from current data: every factor, the requirement that excludes it, the
   * threshold. (Access is checked by the controller for both the enterprise and the project.)
   */
  async explain(enterpriseId: number, projectId: number) {
    const [e] = await this.dataSource.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = $1`, [enterpriseId]);
    const [p] = await this.dataSource.query(`SELECT ${PROJECT_COLUMNS} FROM project p WHERE p.id = $1`, [projectId]);
    if (!e) throw notFound('企业');
    if (!p) throw notFound('项目');
    const incentives: MatchIncentive[] = (await this.dataSource.query(PROJECT_INCENTIVES_SQL, [[projectId]])).map(toMatchIncentive);
    const result = scoreMatch(toMatchEnterprise(e), toMatchProject(p, incentives), await this.engine.scoringContext());
    const [stored] = await this.dataSource.query(
      `SELECT id::int, score, status, withdrawn_at IS NOT NULL AS withdrawn FROM match WHERE enterprise_id = $1 AND project_id = $2`,
      [enterpriseId, projectId],
    );
    const byId = new Map(incentives.map((i) => [i.id, i]));
    const threshold = this.engine.scoring.threshold;
    return {
      enterpriseId,
      project: {
        id: p.id,
        title: p.title,
        region: regionRef(p.region_code),
        stage: p.stage,
        stageLabel: PROJECT_STAGES[p.stage as ProjectStage],
        status: p.status,
      },
      score: result.score,
      threshold,
      isMatch: isMatch(result, this.engine.scoring),
      /** why it is no match: a failed requirement, or a score under the threshold */
      verdict: result.excluded
        ? result.excluded.reason
        : result.score < threshold
          ? `匹配度 ${result.score} 分，低于 ${threshold} 分的匹配门槛`
          : `匹配度 ${result.score} 分，达到 ${threshold} 分的匹配门槛`,
      excluded: result.excluded,
      breakdown: result.breakdown.map((b) => ({ ...b, label: FACTOR_LABELS[b.factor as Factor] })),
      reasons: result.reasons,
      eligibleIncentives: result.eligibleIncentiveIds.map((id) => ({ id, title: byId.get(id)?.title })),
      needsInfoIncentives: result.needsInfoIncentiveIds.map((id) => ({ id, title: byId.get(id)?.title })),
      stored: stored
        ? {
            id: stored.id,
            score: stored.score,
            status: stored.status,
            statusLabel: MATCH_STATUSES[stored.status as MatchStatus],
            withdrawn: stored.withdrawn,
          }
        : null,
    };
  }

  /** GET /enterprises/:id/matches — best first. Officers see the matches with projects in their region. */
  async forEnterprise(
    actor: Actor,
    enterpriseId: number,
    q: MatchListQuery,
  ): Promise<Page<ReturnType<MatchesService['enterpriseItem']>> & { counts: Record<string, number> }> {
    await this.access.enterprise(actor, enterpriseId, 'read'); // 404 unless the enterprise is the caller's business
    if (!ownsEnterprise(actor, enterpriseId) && !isStaff(actor)) throw notFound('企业');
    const exists = await this.dataSource.query(`SELECT 1 FROM enterprise WHERE id = $1`, [enterpriseId]);
    if (!exists.length) throw notFound('企业');
    const where = ['m.enterprise_id = $1'];
    const params: unknown[] = [enterpriseId];
    if (actor.role === 'officer' || actor.role === 'bureau_lead') {
      params.push([actor.regionScope ?? '------']);
      where.push(`p.region_path @> $${params.length}::char(6)[]`);
    }
    const { items, total, counts } = await this.list(where, params, q);
    const projects: Array<{
      id: number;
      code: string;
      title: string;
      region_code: string;
      industry_codes: string[];
      total_investment_yuan: string;
      stage: ProjectStage;
      status: string;
    }> = items.length
      ? await this.dataSource.query(
          `SELECT id, code, title, region_code, industry_codes, total_investment_yuan, stage, status FROM project WHERE id = ANY($1::int[])`,
          [items.map((m) => m.project_id)],
        )
      : [];
    const byId = new Map(projects.map((p) => [p.id, p]));
    const incentives = await this.incentives(items);
    const explained = await this.explanations.explain(items);
    return {
      ...toPage(
        items.map((m, i) => this.enterpriseItem(m, byId.get(m.project_id)!, incentives, explained[i])),
        total,
        q,
      ),
      counts,
    };
  }

  private enterpriseItem(
    m: MatchRecord,
    p: {
      id: number;
      code: string;
      title: string;
      region_code: string;
      industry_codes: string[];
      total_investment_yuan: string;
      stage: ProjectStage;
    },
    incentives: Map<number, Incentive>,
    explained: Explanation,
  ) {
    return {
      ...this.view(m, incentives, explained),
      project: {
        id: p.id,
        code: p.code,
        title: p.title,
        region: regionRef(p.region_code),
        industries: p.industry_codes.map(industryRef),
        totalInvestmentYuan: Number(p.total_investment_yuan),
        stage: p.stage,
        stageLabel: PROJECT_STAGES[p.stage],
      },
    };
  }

  /** GET /projects/:id/matches — staff whose region covers the project (admins: any). */
  async forProject(actor: Actor, projectId: number, q: MatchListQuery) {
    requireStaff(actor);
    await this.access.project(actor, projectId, 'write'); // staff covering it; a draft elsewhere is 404, a published project 403
    const [project] = await this.dataSource.query(`SELECT id, region_code FROM project WHERE id = $1`, [projectId]);
    if (!project) throw notFound('项目');
    if (!coversRegion(actor, project.region_code)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '该项目不在您的辖区内');
    const { items, total, counts } = await this.list(['m.project_id = $1'], [projectId], q);
    const enterprises: Array<{
      id: number;
      name: string;
      industry_codes: string[];
      home_region_code: string;
      size: EnterpriseSize | null;
      verified_certifications: CertificationKind[];
      investment_min_yuan: string | null;
      investment_max_yuan: string | null;
    }> = items.length
      ? await this.dataSource.query(
          `SELECT id, name, industry_codes, home_region_code, size, verified_certifications, investment_min_yuan, investment_max_yuan FROM enterprise WHERE id = ANY($1::int[])`,
          [items.map((m) => m.enterprise_id)],
        )
      : [];
    const byId = new Map(enterprises.map((e) => [e.id, e]));
    const incentives = await this.incentives(items);
    const explained = await this.explanations.explain(items);
    return {
      ...toPage(
        items.map((m, i) => {
          const e = byId.get(m.enterprise_id)!;
          return {
            ...this.view(m, incentives, explained[i]),
            enterprise: {
              id: e.id,
              name: e.name,
              industries: e.industry_codes.map(industryRef),
              homeRegion: regionRef(e.home_region_code),
              size: e.size,
              sizeLabel: e.size ? ENTERPRISE_SIZES[e.size] : null,
              certifications: e.verified_certifications.map((k) => ({ kind: k, label: CERTIFICATION_KINDS[k] ?? k })),
              investmentMinYuan: e.investment_min_yuan === null ? null : Number(e.investment_min_yuan),
              investmentMaxYuan: e.investment_max_yuan === null ? null : Number(e.investment_max_yuan),
            },
          };
        }),
        total,
        q,
      ),
      counts,
    };
  }

  private async list(where: string[], params: unknown[], q: MatchListQuery) {
    const w = [...where];
    const p = [...params];
    if (!q.includeWithdrawn) w.push('m.withdrawn_at IS NULL');
    const countsRows: Array<{ status: MatchStatus; n: number }> = await this.dataSource.query(
      `SELECT m.status, count(*)::int AS n FROM match m JOIN project p ON p.id = m.project_id WHERE ${w.join(' AND ')} GROUP BY m.status`,
      p,
    );
    const counts = Object.fromEntries(Object.keys(MATCH_STATUSES).map((s) => [s, countsRows.find((r) => r.status === s)?.n ?? 0]));
    // dismissed matches stay out of the list unless asked for
    const statuses = q.status ?? (Object.keys(MATCH_STATUSES).filter((s) => s !== 'dismissed') as MatchStatus[]);
    p.push(statuses);
    w.push(`m.status = ANY($${p.length}::varchar[])`);
    if (q.minScore != null) {
      p.push(q.minScore);
      w.push(`m.score >= $${p.length}`);
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM match m JOIN project p ON p.id = m.project_id WHERE ${w.join(' AND ')}`,
      p,
    );
    p.push(q.pageSize, offsetOf(q));
    const order = orderSql(q.order, MATCH_ORDER_SQL);
    const items: MatchRecord[] = await this.dataSource.query(
      `SELECT ${MATCH_COLUMNS} FROM match m JOIN project p ON p.id = m.project_id WHERE ${w.join(' AND ')}
       ORDER BY ${order ? `${order.expr} ${order.dir} NULLS LAST, ` : ''}m.score DESC, m.id DESC LIMIT $${p.length - 1} OFFSET $${p.length}`,
      p,
    );
    return { items, total: total as number, counts };
  }

  private async incentives(items: MatchRecord[]): Promise<Map<number, Incentive>> {
    const ids = [...new Set(items.flatMap((m) => [...m.eligible_incentive_ids, ...m.needs_info_incentive_ids]))];
    if (!ids.length) return new Map();
    const rows = await findIncentives(this.dataSource.manager, ids);
    return new Map(rows.map((i) => [i.id, i]));
  }

  private view(m: MatchRecord, incentives: Map<number, Incentive>, explained: Explanation) {
    const ref = (id: number) => {
      const i = incentives.get(id);
      return i
        ? { id, title: i.title, kind: i.kind, kindLabel: INCENTIVE_KINDS[i.kind], grantedWithoutApplication: i.grantedWithoutApplication }
        : { id };
    };
    return {
      id: Number(m.id),
      enterpriseId: m.enterprise_id,
      projectId: m.project_id,
      score: m.score,
      status: m.status,
      statusLabel: MATCH_STATUSES[m.status],
      statusChangedAt: m.status_changed_at,
      reasons: explained.reasons,
      breakdown: explained.breakdown.map((b) => ({ ...b, label: FACTOR_LABELS[b.factor as Factor] ?? b.factor })),
      eligibleIncentives: m.eligible_incentive_ids.map(ref),
      needsInfoIncentives: m.needs_info_incentive_ids.map(ref),
      withdrawn: m.withdrawn_at !== null,
      withdrawnAt: m.withdrawn_at,
      computedAt: m.computed_at,
      createdAt: m.created_at,
    };
  }

  /** GET /matches/:id — the enterprise's own (and it counts as viewed), or staff in the project's region. */
  /** The signed-in enterprise's match with a project, if any (the public project page shows it). */
  async ownMatchWith(actor: Actor, projectId: number): Promise<Match | null> {
    if (actor.role !== 'enterprise' || !actor.enterpriseId) return null;
    return this.dataSource.manager.findOne(Match, { where: { enterpriseId: actor.enterpriseId, projectId } });
  }

  async get(actor: Actor, matchId: number) {
    return this.dataSource.transaction(async (m) => {
      const rec = await this.readable(m, actor, matchId, false);
      if (ownsEnterprise(actor, rec.enterprise_id) && (rec.status === 'new' || rec.status === 'notified')) {
        await m.query(`UPDATE match SET status = 'viewed', status_changed_at = now(), updated_at = now() WHERE id = $1`, [matchId]);
        rec.status = 'viewed';
      }
      return this.detail(m, rec);
    });
  }

  /** POST /matches/:id/interest — the enterprise wants to talk; written with a match.interested event. */
  async interest(actor: Actor, matchId: number) {
    requireRole(actor, ['enterprise']);
    return this.dataSource.transaction(async (m) => {
      const rec = await this.ownedForUpdate(m, actor, matchId);
      if (rec.status === 'converted') throw conflict('match-converted', '该匹配已转为招商线索');
      if (rec.withdrawn_at) throw conflict('match-withdrawn', '该项目已不再与贵企业匹配（项目可能已关闭或下线）');
      if (rec.status !== 'interested') {
        await m.query(
          `UPDATE match SET status = 'interested', status_changed_at = now(), dismissed_score = NULL, updated_at = now() WHERE id = $1`,
          [matchId],
        );
        await recordMatchInterest(m, { id: matchId, enterpriseId: rec.enterprise_id, projectId: rec.project_id, score: rec.score });
        rec.status = 'interested';
      }
      // the interest is a lead for the bureau, created once per match in this same transaction
      await this.events.emit(m, matchInterested, { matchId, actor });
      return this.detail(m, rec);
    });
  }

  /** POST /matches/:id/dismiss — not interested; stays dismissed unless the score rises materially. */
  async dismiss(actor: Actor, matchId: number) {
    requireRole(actor, ['enterprise']);
    return this.dataSource.transaction(async (m) => {
      const rec = await this.ownedForUpdate(m, actor, matchId);
      if (rec.status === 'converted') throw conflict('match-converted', '该匹配已转为招商线索，不能标记为不感兴趣');
      if (rec.status !== 'dismissed') {
        await m.query(
          `UPDATE match SET status = 'dismissed', status_changed_at = now(), dismissed_score = score, updated_at = now() WHERE id = $1`,
          [matchId],
        );
        rec.status = 'dismissed';
      }
      return this.detail(m, rec);
    });
  }

  private async ownedForUpdate(m: EntityManager, actor: Actor, matchId: number): Promise<MatchRecord> {
    return this.readable(m, actor, matchId, true);
  }

  /** The match if the actor may see it (for answers: only the enterprise itself); others get 404. */
  private async readable(m: EntityManager, actor: Actor, matchId: number, answering: boolean): Promise<MatchRecord> {
    const [rec]: Array<MatchRecord & { region_code: string }> = await m.query(
      `SELECT ${MATCH_COLUMNS}, p.region_code FROM match m JOIN project p ON p.id = m.project_id WHERE m.id = $1 ${answering ? 'FOR UPDATE OF m' : ''}`,
      [matchId],
    );
    if (!rec) throw notFound('匹配');
    const own = ownsEnterprise(actor, rec.enterprise_id);
    if (answering ? !own : !own && !coversRegion(actor, rec.region_code) && !isAdmin(actor)) throw notFound('匹配');
    return rec;
  }

  private async detail(m: EntityManager, rec: MatchRecord) {
    const incentives = await this.incentives([rec]);
    const [p] = await m.query(
      `SELECT id, code, title, region_code, industry_codes, total_investment_yuan, stage FROM project WHERE id = $1`,
      [rec.project_id],
    );
    const [explained] = await this.explanations.explain([rec], m);
    return this.enterpriseItem(rec, p, incentives, explained);
  }
}
