import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { shanghaiDate } from '../platform/format/units.js';
import { listParam } from '../platform/http/pagination.js';
import { validationFailed } from '../platform/http/problem.js';
import { isoDate } from '../platform/validation/common.js';
import { Clock } from '../platform/clock/clock.js';
import { industryCode, regionCode } from '../reference/codes.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { param, type SqlWhere } from './lead-query.js';
import { effectiveRegion, levelColumn } from '../access/region-scope.js';
import { LEAD_STAGES } from './lead.vocabulary.js';

export const figuresGroupings = ['none', 'region', 'industry', 'owner', 'month', 'quarter'] as const;
export type FiguresGrouping = (typeof figuresGroupings)[number];

const figuresFields = {
  /** Region subtree (inside the caller's scope). */
  region: regionCode.optional(),
  industry: listParam(industryCode),
  /** An officer's id, or `me`. */
  owner: z
    .union([
      z.literal('me'),
      z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
    ])
    .optional(),
  /** Period (Asia/Shanghai dates, inclusive); default: from 1 January of this year to today. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  groupBy: z.enum(figuresGroupings).default('none'),
  /** For groupBy=industry: 1 门类 (C), 2 大类 (C13), 3 中类 (C135). */
  industryLevel: z.coerce.number().int().min(1).max(3).default(2),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodProblem = { message: '开始日期不能晚于结束日期', path: ['to'] };

export const figuresQuery = z.strictObject(figuresFields).refine(periodInOrder, periodProblem);
export type FiguresQuery = z.output<typeof figuresQuery>;
export const figuresExportQuery = z
  .strictObject({ ...figuresFields, format: z.enum(['csv', 'xlsx']).default('xlsx') })
  .refine(periodInOrder, periodProblem);
export type FiguresExportQuery = z.output<typeof figuresExportQuery>;

export const FUNNEL_STAGES = ['new', 'contacted', 'negotiating', 'signed', 'started', 'producing', 'lost'] as const;
type FunnelStage = (typeof FUNNEL_STAGES)[number];
/** Stages whose time-in-stage is measured (until the next stage is reached). */
const DWELL_STAGES = ['new', 'contacted', 'negotiating', 'signed', 'started'] as const;

export interface StageFigures {
  stage: FunnelStage;
  label: string;
  /** Leads that reached the stage in the period (a skipped stage counts as reached with the next). */
  leads: number;
  /** 三个一批: projects (a project counts once: its founding signing), increases (增资) and amounts (yuan; an increase counts its increase only). */
  projects?: number;
  increases?: number;
  amountYuan?: number;
}

export interface FunnelFigures {
  key: string;
  label: string;
  funnel: StageFigures[];
  /** The leads created in the period, and how far they have got (up to now). */
  conversion: {
    cohort: number;
    reached: Record<Exclude<FunnelStage, 'new'>, number>;
    /** Share of the cohort that reached each stage. */
    rates: Record<Exclude<FunnelStage, 'new'>, number | null>;
    /** Share of those that reached the previous stage that reached this one. */
    stepRates: Record<'contacted' | 'negotiating' | 'signed' | 'started' | 'producing', number | null>;
  };
  /** Median days a lead spent in each stage before reaching the next one, over moves made in the period. */
  medianDays: Record<(typeof DWELL_STAGES)[number], { days: number | null; moves: number }>;
}

export interface FiguresResult {
  period: { from: string; to: string };
  scope: { region: { code: string; name: string } | null; industry: string[] | null; owner: number | null };
  groupBy: FiguresGrouping;
  total: FunnelFigures;
  groups: FunnelFigures[];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const shanghaiMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * The 三个一批 figures: for a region subtree, industries, an officer and a period, how many
 * leads reached each stage, how many projects were signed, started and producing and for how
 * much (a project counts once; a capital increase counts its increase only), the conversion of
 * the period's new leads, and the median time spent per stage. All in SQL over the lead table.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The figures' period: the dates given, by default from 1 January of this year to today (Asia/Shanghai). */
  period(q: { from?: string; to?: string }): { from: string; to: string } {
    const today = shanghaiDate(this.clock.now());
    return { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to ?? today };
  }

  /** `opts.source`: only leads of these sources (产业链招商's 补链 figures: `chain`). */
  async figures(actor: Actor, q: FiguresQuery, opts: { source?: string[] } = {}): Promise<FiguresResult> {
    const { from, to } = this.period(q);
    if (from > to) throw validationFailed([{ field: 'from', code: 'after_to', message: '开始日期不能晚于结束日期' }]);
    const region = effectiveRegion(actor, q.region);
    const owner = q.owner === 'me' ? actor.userId : (q.owner ?? null);

    const w: SqlWhere = { where: [], params: [], empty: false };
    if (region) w.where.push(`${levelColumn(region)} = ${param(w, region)}`);
    if (q.industry) w.where.push(`l.industry_path && ${param(w, q.industry)}::varchar[]`);
    if (owner) w.where.push(`l.owner_id = ${param(w, owner)}`);
    if (opts.source?.length) w.where.push(`l.source = ANY(${param(w, opts.source)}::varchar[])`);
    const fromP = param(w, shanghaiMidnight(from));
    const toP = param(w, new Date(shanghaiMidnight(to).getTime() + 24 * 3600_000));
    const inPeriod = (col: string) => `${col} >= ${fromP} AND ${col} < ${toP}`;
    const where = w.where.length ? `WHERE ${w.where.join(' AND ')}` : '';

    const grouped = this.sql(this.groupKey(q.groupBy, region, q.industryLevel), q.groupBy, where, inPeriod);
    const run = (sql: { events: string; cohort: string; dwell: string }) =>
      Promise.all([
        this.dataSource.query(sql.events, w.params) as Promise<EventRow[]>,
        this.dataSource.query(sql.cohort, w.params) as Promise<CohortRow[]>,
        this.dataSource.query(sql.dwell, w.params) as Promise<DwellRow[]>,
      ]);
    const [events, cohorts, dwell] = await run(grouped);
    const totals: [EventRow[], CohortRow[], DwellRow[]] =
      q.groupBy === 'none' ? [events, cohorts, dwell] : await run(this.sql(`'all'::text`, 'none', where, inPeriod));
    const keys = new Set<string>([...events, ...cohorts, ...dwell].map((r) => String(r.key ?? '')));
    const labels = await this.labels(q.groupBy, [...keys]);
    const groups =
      q.groupBy === 'none'
        ? []
        : [...keys].sort().map((k) => {
            const mine = <T extends { key: string | null }>(rows: T[]) => rows.filter((r) => String(r.key ?? '') === k);
            return assemble(k, labels.get(k) ?? k, mine(events), mine(cohorts), mine(dwell));
          });
    return {
      period: { from, to },
      scope: {
        region: region && region !== '000000' ? { code: region, name: regions().fullName(region) } : null,
        industry: q.industry ?? null,
        owner,
      },
      groupBy: q.groupBy,
      total: assemble('all', '合计', totals[0], totals[1], totals[2]),
      groups,
    };
  }

  /**
   * The console dashboard's 三个一批 (cards, charts, export link): this year so far, by project,
   * per month — one query set, so every number on the page is the same figure.
   */
  /** The dashboard's figures: this year so far by default, or a chosen period and region (within the caller's scope). */
  async dashboard(actor: Actor, filters: { from?: string; to?: string; region?: string } = {}): Promise<DashboardFigures> {
    const q = figuresQuery.parse({
      ...this.period(filters),
      groupBy: 'month',
      ...(filters.region ? { region: filters.region } : {}),
    });
    return dashboardFrom(await this.figures(actor, q));
  }

  /** The three queries (events per stage, the period's cohort, time in stage) for one grouping. */
  private sql(staticKey: string, groupBy: FiguresGrouping, where: string, inPeriod: (col: string) => string) {
    const eventKey = (col: string) =>
      groupBy === 'month'
        ? `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`
        : groupBy === 'quarter'
          ? `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q')`
          : 'gkey';
    const base = `base AS (
      SELECT ${staticKey} AS gkey, l.created_at, l.signing_kind,
        coalesce(l.contacted_at, l.negotiating_at, l.signed_at) AS contacted_reach,
        coalesce(l.negotiating_at, l.signed_at) AS negotiating_reach,
        l.contacted_at, l.negotiating_at, l.signed_at, l.started_at, l.producing_at, l.lost_at,
        l.signed_amount_yuan, l.started_amount_yuan, l.producing_amount_yuan
      FROM lead l ${where})`;
    const events = `WITH ${base}, ev AS (
        SELECT gkey, 'new' AS stage, created_at AS at, NULL::bigint AS amount, NULL::varchar AS signing_kind FROM base
        UNION ALL SELECT gkey, 'contacted', contacted_reach, NULL, NULL FROM base WHERE contacted_reach IS NOT NULL
        UNION ALL SELECT gkey, 'negotiating', negotiating_reach, NULL, NULL FROM base WHERE negotiating_reach IS NOT NULL
        UNION ALL SELECT gkey, 'signed', signed_at, signed_amount_yuan, signing_kind FROM base WHERE signed_at IS NOT NULL
        UNION ALL SELECT gkey, 'started', started_at, started_amount_yuan, signing_kind FROM base WHERE started_at IS NOT NULL
        UNION ALL SELECT gkey, 'producing', producing_at, producing_amount_yuan, signing_kind FROM base WHERE producing_at IS NOT NULL
        UNION ALL SELECT gkey, 'lost', lost_at, NULL, NULL FROM base WHERE lost_at IS NOT NULL)
      SELECT ${eventKey('at')} AS key, stage, count(*)::int AS leads,
        count(*) FILTER (WHERE signing_kind = 'new')::int AS projects,
        count(*) FILTER (WHERE signing_kind = 'increase')::int AS increases,
        coalesce(sum(amount), 0)::text AS amount
      FROM ev WHERE ${inPeriod('at')} GROUP BY 1, 2`;
    const cohort = `WITH ${base}
      SELECT ${eventKey('created_at')} AS key, count(*)::int AS cohort,
        count(contacted_reach)::int AS contacted, count(negotiating_reach)::int AS negotiating, count(signed_at)::int AS signed,
        count(started_at)::int AS started, count(producing_at)::int AS producing, count(lost_at)::int AS lost
      FROM base WHERE ${inPeriod('created_at')} GROUP BY 1`;
    const dwell = `WITH ${base}, d AS (
        SELECT gkey, 'new' AS stage, created_at AS enter_at, coalesce(contacted_at, negotiating_at, signed_at) AS exit_at FROM base
        UNION ALL SELECT gkey, 'contacted', contacted_at, coalesce(negotiating_at, signed_at) FROM base WHERE contacted_at IS NOT NULL
        UNION ALL SELECT gkey, 'negotiating', negotiating_at, signed_at FROM base WHERE negotiating_at IS NOT NULL
        UNION ALL SELECT gkey, 'signed', signed_at, started_at FROM base WHERE signed_at IS NOT NULL
        UNION ALL SELECT gkey, 'started', started_at, producing_at FROM base WHERE started_at IS NOT NULL)
      SELECT ${eventKey('exit_at')} AS key, stage, count(*)::int AS moves,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM exit_at - enter_at) / 86400.0)) AS median
      FROM d WHERE exit_at IS NOT NULL AND ${inPeriod('exit_at')} GROUP BY 1, 2`;
    return { events, cohort, dwell };
  }

  /** The group of a lead for groupings that do not depend on the event's date. */
  private groupKey(groupBy: FiguresGrouping, region: string | null, industryLevel: number): string {
    switch (groupBy) {
      case 'region': {
        const level = region ? (regions().get(region)?.level ?? 3) : 0;
        if (level === 0) return 'l.province_code';
        if (level === 1) return 'coalesce(l.city_code, l.province_code)';
        return 'l.region_code';
      }
      case 'industry':
        return `left(l.industry_codes[1], ${[1, 3, 4][industryLevel - 1]})`;
      case 'owner':
        return `coalesce(l.owner_id::text, '')`;
      default:
        return `'all'::text`;
    }
  }

  private async labels(groupBy: FiguresGrouping, keys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (groupBy === 'region') for (const k of keys) out.set(k, regions().has(k) ? regions().fullName(k) : k);
    if (groupBy === 'industry') for (const k of keys) out.set(k, k ? `${k} ${industries().get(k)?.name ?? ''}`.trim() : '未填写行业');
    if (groupBy === 'owner') {
      const ids = keys.filter(Boolean).map(Number);
      const rows: Array<{ id: number; name: string }> = ids.length
        ? await this.dataSource.query(`SELECT id, name FROM app_user WHERE id = ANY($1::int[])`, [ids])
        : [];
      for (const k of keys) out.set(k, k ? (rows.find((r) => r.id === Number(k))?.name ?? `用户 ${k}`) : '未分派');
    }
    return out;
  }
}

interface EventRow {
  key: string | null;
  stage: FunnelStage;
  leads: number;
  projects: number;
  increases: number;
  amount: string;
}
interface CohortRow {
  key: string | null;
  cohort: number;
  contacted: number;
  negotiating: number;
  signed: number;
  started: number;
  producing: number;
  lost: number;
}
interface DwellRow {
  key: string | null;
  stage: (typeof DWELL_STAGES)[number];
  moves: number;
  median: number | string | null;
}

function assemble(key: string, label: string, events: EventRow[], cohorts: CohortRow[], dwell: DwellRow[]): FunnelFigures {
  const funnel = FUNNEL_STAGES.map((stage): StageFigures => {
    const r = events.find((e) => e.stage === stage);
    const base: StageFigures = { stage, label: LEAD_STAGES[stage], leads: r?.leads ?? 0 };
    if (stage === 'signed' || stage === 'started' || stage === 'producing') {
      return { ...base, projects: r?.projects ?? 0, increases: r?.increases ?? 0, amountYuan: Number(r?.amount ?? 0) };
    }
    return base;
  });
  const c = cohorts.reduce(
    (acc, r) => {
      for (const k of ['cohort', 'contacted', 'negotiating', 'signed', 'started', 'producing', 'lost'] as const) acc[k] += r[k];
      return acc;
    },
    { cohort: 0, contacted: 0, negotiating: 0, signed: 0, started: 0, producing: 0, lost: 0 },
  );
  const reached = {
    contacted: c.contacted,
    negotiating: c.negotiating,
    signed: c.signed,
    started: c.started,
    producing: c.producing,
    lost: c.lost,
  };
  return {
    key,
    label,
    funnel,
    conversion: {
      cohort: c.cohort,
      reached,
      rates: {
        contacted: ratio(c.contacted, c.cohort),
        negotiating: ratio(c.negotiating, c.cohort),
        signed: ratio(c.signed, c.cohort),
        started: ratio(c.started, c.cohort),
        producing: ratio(c.producing, c.cohort),
        lost: ratio(c.lost, c.cohort),
      },
      stepRates: {
        contacted: ratio(c.contacted, c.cohort),
        negotiating: ratio(c.negotiating, c.contacted),
        signed: ratio(c.signed, c.negotiating),
        started: ratio(c.started, c.signed),
        producing: ratio(c.producing, c.started),
      },
    },
    medianDays: Object.fromEntries(
      DWELL_STAGES.map((s) => {
        const r = dwell.find((d) => d.stage === s);
        return [s, { days: r?.median == null ? null : Math.round(Number(r.median) * 10) / 10, moves: r?.moves ?? 0 }];
      }),
    ) as FunnelFigures['medianDays'],
  };
}

/** The three 三个一批 milestones, in order. */
export const MILESTONES = ['signed', 'started', 'producing'] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface MilestoneFigures {
  stage: Milestone;
  label: string;
  /** Projects that reached the milestone in the period (a project counts once: its founding lead). */
  projects: number;
  /** Capital increases (增资) on projects signed earlier that reached the milestone in the period. */
  increases: number;
  /** Leads that reached the milestone in the period (= projects + increases). */
  leads: number;
  /** Amounts of those milestones, founding and increases (yuan; an increase counts its increase only). */
  amountYuan: number;
}

/** The console dashboard's 三个一批: one definition for its cards, its charts and its export link. */
export interface DashboardFigures {
  period: { from: string; to: string };
  /** The definition, as stated on the page. */
  definition: string;
  /** The cards (and the 三个一批 chart): the period's totals. */
  milestones: MilestoneFigures[];
  /** The same figures per month of the period (their sums are the cards). */
  months: Array<{ month: string; label: string } & Record<Milestone, MilestoneFigures>>;
  /** Whether any milestone was reached in the period (else the charts say why they are empty). */
  any: boolean;
  /** The funnel by lead (all stages) and the period's conversion and dwell times. */
  total: FunnelFigures;
  /** Query for GET /leads/figures/export giving the same numbers (`groupBy=month`, same period). */
  exportQuery: { from: string; to: string; groupBy: 'month' };
}

export const DASHBOARD_DEFINITION =
  '按项目统计：本年 1 月 1 日至今天（北京时间），签约、开工、投产日期落在此期间的项目数，一个项目只计一次（以首次签约的线索为准）；' +
  '同一项目后来的增资单列为“增资”，只计增资金额；金额单位均为万元。数据来自线索的三个一批记录，与导出文件一致。';

function milestoneOf(g: FunnelFigures | undefined, stage: Milestone): MilestoneFigures {
  const s = g?.funnel.find((x) => x.stage === stage);
  return {
    stage,
    label: LEAD_STAGES[stage],
    projects: s?.projects ?? 0,
    increases: s?.increases ?? 0,
    leads: s?.leads ?? 0,
    amountYuan: s?.amountYuan ?? 0,
  };
}

/** YYYY-MM of every month from `from`'s to `to`'s (inclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** Builds the dashboard model from a `groupBy=month` result (exported for the cross-check test). */
export function dashboardFrom(f: FiguresResult): DashboardFigures {
  const milestones = MILESTONES.map((s) => milestoneOf(f.total, s));
  const months = monthsBetween(f.period.from, f.period.to).map((month) => {
    const g = f.groups.find((x) => x.key === month);
    return {
      month,
      label: `${Number(month.slice(5))}月`,
      signed: milestoneOf(g, 'signed'),
      started: milestoneOf(g, 'started'),
      producing: milestoneOf(g, 'producing'),
    };
  });
  return {
    period: f.period,
    definition: DASHBOARD_DEFINITION,
    milestones,
    months,
    any: milestones.some((x) => x.leads > 0),
    total: f.total,
    exportQuery: { from: f.period.from, to: f.period.to, groupBy: 'month' },
  };
}
