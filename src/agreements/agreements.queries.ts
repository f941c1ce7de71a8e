import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { effectiveRegion, levelColumn } from '../access/region-scope.js';
import { offsetOf, toPage, type Page } from '../platform/http/pagination.js';
import { regions } from '../reference/regions.js';
import type {
  ActualKind,
  AgreementStatus,
  PledgeKind,
  PledgeStatus,
  RecoveryStep,
  TrancheCondition,
  TrancheState,
  WarningKind,
} from './agreement.vocabulary.js';
import type { PledgeTerms } from './pledge-status.js';
import type { AgreementFiguresQuery, ListWarningsQuery } from './agreements.schemas.js';

export interface AgreementHeader {
  id: number;
  lead_id: number;
  enterprise_id: number;
  enterprise_name: string;
  project_id: number | null;
  project_title: string | null;
  region_code: string;
  signed_on: string;
  terms: PledgeTerms;
  status: AgreementStatus;
  capital_yuan: string;
  pledged_investment_yuan: string | null;
  created_at: Date;
}
export interface TrancheRow {
  id: number;
  position: number;
  amount_yuan: string;
  incentive_id: number | null;
  incentive_title: string | null;
  condition: TrancheCondition;
  due_on: string;
  state: TrancheState;
  requested_by: number | null;
  requested_by_name: string | null;
  requested_at: Date | null;
  approved_by: number | null;
  approved_by_name: string | null;
  released_on: string | null;
  released_yuan: string | null;
}
export interface ActualRow {
  id: string;
  kind: ActualKind;
  occurred_on: string;
  amount_yuan: string | null;
  count: number | null;
  source: string;
  document: string;
  note: string;
  corrects_id: string | null;
  recorded_by: number | null;
  recorded_by_name: string | null;
  recorded_at: Date;
}
export interface WarningRow {
  agreement_id: number;
  lead_id: number;
  kind: WarningKind;
  since: string;
  pledge: PledgeKind;
  enterprise_name: string;
  region_code: string;
}
export interface CaseRow {
  id: number;
  released_yuan: string;
  shortfall: string;
  pledge: PledgeKind;
  amount_due_yuan: string;
  recovered_yuan: string;
  step: RecoveryStep;
  opened_at: Date;
  steps: Array<{ step: RecoveryStep; at: string; actorName: string | null; reason: string; document: string; amountYuan: number | null }>;
}

const HEADER = `SELECT a.id, a.lead_id, a.enterprise_id, e.name AS enterprise_name, a.project_id, p.title AS project_title, a.region_code,
    a.signed_on::text AS signed_on, a.terms, a.status, a.capital_yuan, a.pledged_investment_yuan, a.created_at
  FROM agreement a JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN project p ON p.id = a.project_id`;

/** Read models of agreements: the agreement page, the warnings list, the to-do counts and the figures. */
@Injectable()
export class AgreementsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async header(id: number, m: EntityManager = this.dataSource.manager): Promise<AgreementHeader | null> {
    const [r]: AgreementHeader[] = await m.query(`${HEADER} WHERE a.id = $1`, [id]);
    return r ?? null;
  }

  async byLead(leadId: number): Promise<number | null> {
    const [r]: Array<{ id: number }> = await this.dataSource.query(`SELECT id FROM agreement WHERE lead_id = $1`, [leadId]);
    return r?.id ?? null;
  }

  /** The agreements of one enterprise (its portal). */
  async ofEnterprise(enterpriseId: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(`SELECT id FROM agreement WHERE enterprise_id = $1 ORDER BY id`, [
      enterpriseId,
    ]);
    return rows.map((r) => r.id);
  }

  async tranches(id: number, m: EntityManager = this.dataSource.manager): Promise<TrancheRow[]> {
    return m.query(
      `SELECT t.id, t.position, t.amount_yuan, t.incentive_id, i.title AS incentive_title, t.condition, t.due_on::text AS due_on, t.state,
         t.requested_by, ru.name AS requested_by_name, t.requested_at, t.approved_by, au.name AS approved_by_name,
         t.released_on::text AS released_on, t.released_yuan
       FROM agreement_tranche t LEFT JOIN incentive i ON i.id = t.incentive_id
       LEFT JOIN app_user ru ON ru.id = t.requested_by LEFT JOIN app_user au ON au.id = t.approved_by
       WHERE t.agreement_id = $1 ORDER BY t.position`,
      [id],
    );
  }

  async actuals(id: number, m: EntityManager = this.dataSource.manager): Promise<ActualRow[]> {
    return m.query(
      `SELECT x.id, x.kind, x.occurred_on::text AS occurred_on, x.amount_yuan, x.count, x.source, x.document, x.note, x.corrects_id,
         x.recorded_by, u.name AS recorded_by_name, x.recorded_at
       FROM agreement_actual x LEFT JOIN app_user u ON u.id = x.recorded_by WHERE x.agreement_id = $1 ORDER BY x.occurred_on, x.id`,
      [id],
    );
  }

  async activeWarnings(id: number): Promise<Array<{ kind: WarningKind; since: string; pledge: PledgeKind }>> {
    return this.dataSource.query(
      `SELECT kind, since::text AS since, pledge FROM agreement_warning WHERE agreement_id = $1 AND active ORDER BY kind`,
      [id],
    );
  }

  async recoveryCase(id: number): Promise<CaseRow | null> {
    const [c]: CaseRow[] = await this.dataSource.query(
      `SELECT c.id, c.released_yuan, c.shortfall, c.pledge, c.amount_due_yuan, c.recovered_yuan, c.step, c.opened_at,
         coalesce((SELECT json_agg(json_build_object('step', s.step, 'at', s.at, 'actorName', u.name, 'reason', s.reason, 'document', s.document,
           'amountYuan', s.amount_yuan) ORDER BY s.id) FROM agreement_recovery_step s LEFT JOIN app_user u ON u.id = s.actor_id WHERE s.case_id = c.id), '[]') AS steps
       FROM agreement_recovery_case c WHERE c.agreement_id = $1`,
      [id],
    );
    return c ?? null;
  }

  /** The region filter of a list or figure: one equality on the agreement's region column of the code's level (null: everywhere). */
  private scope(actor: Actor, region: string | undefined, alias = 'a'): { sql: string; params: unknown[] } {
    const code = effectiveRegion(actor, region);
    return code ? { sql: `${levelColumn(code, alias)} = $1`, params: [code] } : { sql: 'true', params: [] };
  }

  /** The warnings that hold now, region-scoped, newest first, paged. */
  async warnings(actor: Actor, q: ListWarningsQuery): Promise<Page<WarningRow>> {
    const s = this.scope(actor, q.region);
    const params = [...s.params];
    let where = `w.active AND ${s.sql}`;
    if (q.kind) {
      params.push(q.kind);
      where += ` AND w.kind = $${params.length}`;
    }
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM agreement_warning w JOIN agreement a ON a.id = w.agreement_id WHERE ${where}`,
      params,
    );
    const rows: WarningRow[] = await this.dataSource.query(
      `SELECT w.agreement_id, a.lead_id, w.kind, w.since::text AS since, w.pledge, e.name AS enterprise_name, a.region_code
       FROM agreement_warning w JOIN agreement a ON a.id = w.agreement_id JOIN enterprise e ON e.id = a.enterprise_id
       WHERE ${where} ORDER BY w.since DESC, w.agreement_id DESC, w.kind LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return toPage(rows, n, q);
  }

  /** The console's to-do counts: warnings holding now, tranches waiting for a release or its approval. */
  async todo(actor: Actor): Promise<{ warnings: number; releasable: number; requested: number }> {
    const s = this.scope(actor, undefined);
    const [w] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM agreement_warning w JOIN agreement a ON a.id = w.agreement_id WHERE w.active AND ${s.sql}`,
      s.params,
    );
    const [t] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE t.state = 'releasable')::int AS releasable, count(*) FILTER (WHERE t.state = 'requested')::int AS requested
       FROM agreement_tranche t JOIN agreement a ON a.id = t.agreement_id WHERE t.state IN ('releasable', 'requested') AND ${s.sql}`,
      s.params,
    );
    return { warnings: w.n, releasable: t.releasable, requested: t.requested };
  }

  /**
   * The agreement figures (README "Agreements"): agreements signed in the period (by signing date)
   * in the region subtree — by status; pledged vs in-place investment (到资率); pledges by status;
   * tranches released / withheld (count and yuan); recovery cases and amounts due / recovered.
   * Each counted once, from the evaluator's stored states.
   */
  /** `industryCodes`: only agreements whose lead's industries fall under one of them (an empty list: none). */
  async figures(actor: Actor, q: AgreementFiguresQuery, opts: { industryCodes?: readonly string[] } = {}): Promise<AgreementFigures> {
    const s = this.scope(actor, q.region);
    const params = [...s.params];
    let where = s.sql;
    if (opts.industryCodes) {
      params.push([...opts.industryCodes]);
      where += ` AND a.industry_path && $${params.length}::varchar(5)[]`;
    }
    if (q.from) {
      params.push(q.from);
      where += ` AND a.signed_on >= $${params.length}::date`;
    }
    if (q.to) {
      params.push(q.to);
      where += ` AND a.signed_on <= $${params.length}::date`;
    }
    const [total] = (await this.figureRows(`'all'::text`, where, params)).values();
    const out: AgreementFigures = total ?? figuresOf(undefined, [], undefined, undefined);
    const groupBy = q.groupBy ?? 'none';
    if (groupBy === 'none') return out;
    const scope = effectiveRegion(actor, q.region);
    const key =
      groupBy === 'month'
        ? `to_char(a.signed_on, 'YYYY-MM')`
        : groupBy === 'quarter'
          ? `to_char(a.signed_on, 'YYYY-"Q"Q')`
          : groupKeyOfRegion(scope && scope !== '000000' ? (regions().get(scope)?.level ?? 3) : 0);
    const rows = await this.figureRows(key, where, params);
    out.groups = [...rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, f]) => ({ key: k, label: groupBy === 'region' ? (regions().has(k) ? regions().fullName(k) : k) : k, ...f }));
    return out;
  }

  /**
   * The figures per value of `key` (an SQL expression over the agreement \`a\`): agreements by
   * status and investment, pledges by status, tranches released / withheld, recovery — four
   * grouped scans, each agreement (pledge, tranche, case) counted once in its group.
   */
  private async figureRows(key: string, where: string, params: unknown[]): Promise<Map<string, AgreementFigures>> {
    const [agreements, pledges, tranches, cases] = await Promise.all([
      this.dataSource.query(
        `SELECT ${key} AS key, count(*)::int AS agreements,
           count(*) FILTER (WHERE a.status = 'performing')::int AS performing, count(*) FILTER (WHERE a.status = 'at_risk')::int AS at_risk,
           count(*) FILTER (WHERE a.status = 'met')::int AS met, count(*) FILTER (WHERE a.status = 'breached')::int AS breached,
           coalesce(sum(a.pledged_investment_yuan), 0)::text AS pledged, coalesce(sum(a.capital_yuan) FILTER (WHERE a.pledged_investment_yuan IS NOT NULL), 0)::text AS capital
         FROM agreement a WHERE ${where} GROUP BY 1`,
        params,
      ) as Promise<AgreementRowSums[]>,
      this.dataSource.query(
        `SELECT ${key} AS key, p.status, count(*)::int AS n FROM agreement_pledge p JOIN agreement a ON a.id = p.agreement_id WHERE ${where} GROUP BY 1, 2`,
        params,
      ) as Promise<Array<{ key: string; status: PledgeStatus; n: number }>>,
      this.dataSource.query(
        `SELECT ${key} AS key, count(*) FILTER (WHERE t.state = 'released')::int AS released, coalesce(sum(t.released_yuan) FILTER (WHERE t.state = 'released'), 0)::text AS released_yuan,
           count(*) FILTER (WHERE t.state = 'withheld')::int AS withheld, coalesce(sum(t.amount_yuan) FILTER (WHERE t.state = 'withheld'), 0)::text AS withheld_yuan
         FROM agreement_tranche t JOIN agreement a ON a.id = t.agreement_id WHERE ${where} GROUP BY 1`,
        params,
      ) as Promise<TrancheSums[]>,
      this.dataSource.query(
        `SELECT ${key} AS key, count(*)::int AS cases, coalesce(sum(c.amount_due_yuan), 0)::text AS due, coalesce(sum(c.recovered_yuan), 0)::text AS recovered
         FROM agreement_recovery_case c JOIN agreement a ON a.id = c.agreement_id WHERE ${where} GROUP BY 1`,
        params,
      ) as Promise<CaseSums[]>,
    ]);
    const out = new Map<string, AgreementFigures>();
    for (const a of agreements) {
      const k = String(a.key ?? '');
      out.set(
        k,
        figuresOf(
          a,
          pledges.filter((p) => String(p.key ?? '') === k),
          tranches.find((t) => String(t.key ?? '') === k),
          cases.find((c) => String(c.key ?? '') === k),
        ),
      );
    }
    return out;
  }
}

interface AgreementRowSums {
  key: string | null;
  agreements: number;
  performing: number;
  at_risk: number;
  met: number;
  breached: number;
  pledged: string;
  capital: string;
}
interface TrancheSums {
  key: string | null;
  released: number;
  released_yuan: string;
  withheld: number;
  withheld_yuan: string;
}
interface CaseSums {
  key: string | null;
  cases: number;
  due: string;
  recovered: string;
}

/** The group of an agreement by region: the level below the scope (province › city › county). */
function groupKeyOfRegion(level: number): string {
  if (level === 0) return 'a.province_code';
  if (level === 1) return 'coalesce(a.city_code, a.province_code)';
  return 'a.region_code';
}

function figuresOf(
  a: AgreementRowSums | undefined,
  pledges: ReadonlyArray<{ status: PledgeStatus; n: number }>,
  t: TrancheSums | undefined,
  c: CaseSums | undefined,
): AgreementFigures {
  const pledged = Number(a?.pledged ?? 0);
  const capital = Number(a?.capital ?? 0);
  const p = (st: PledgeStatus) => pledges.find((x) => x.status === st)?.n ?? 0;
  return {
    agreements: {
      total: a?.agreements ?? 0,
      performing: a?.performing ?? 0,
      at_risk: a?.at_risk ?? 0,
      met: a?.met ?? 0,
      breached: a?.breached ?? 0,
    },
    investment: {
      pledgedYuan: pledged,
      capitalYuan: capital,
      capitalRate: pledged > 0 ? Math.round((capital / pledged) * 1000) / 1000 : null,
    },
    pledges: { met: p('met'), on_track: p('on_track'), at_risk: p('at_risk'), breached: p('breached') },
    tranches: {
      released: t?.released ?? 0,
      releasedYuan: Number(t?.released_yuan ?? 0),
      withheld: t?.withheld ?? 0,
      withheldYuan: Number(t?.withheld_yuan ?? 0),
    },
    recovery: { cases: c?.cases ?? 0, dueYuan: Number(c?.due ?? 0), recoveredYuan: Number(c?.recovered ?? 0) },
  };
}

export interface AgreementFigures {
  agreements: { total: number; performing: number; at_risk: number; met: number; breached: number };
  /** 到资率 = capital in place ÷ pledged investment (agreements with an investment pledge). */
  investment: { pledgedYuan: number; capitalYuan: number; capitalRate: number | null };
  pledges: Record<PledgeStatus, number>;
  tranches: { released: number; releasedYuan: number; withheld: number; withheldYuan: number };
  recovery: { cases: number; dueYuan: number; recoveredYuan: number };
  /** With groupBy region / month / quarter: the same figures per group (by signing date; region one level below the scope). */
  groups?: Array<{ key: string; label: string } & Omit<AgreementFigures, 'groups'>>;
}
