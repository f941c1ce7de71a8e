import { incentiveGrantedEventsSql } from '../notifications/notification-events.js';
import type { EntityManager } from 'typeorm';
import { evaluateEligibility, missingInformation, type EnterpriseFacts } from '../policies/eligibility/evaluate.js';
import type { RegionTree } from '../reference/regions.js';
import type { CodeTree } from '../reference/tree.js';
import type { IncentiveRow } from './rows.js';
import { certificationsKey, hash32, type MatchIncentive } from './scoring/score.js';

/**
 * Enterprise × incentive eligibility, stored (政策找企业): computed from the enterprise's own facts
 * by the same evaluator as the 政策计算器, kept for eligible and needs-more-information pairs.
 * When a pair becomes eligible for an incentive granted without application (免申即享) an
 * `incentive.granted` event is written in the same statement; `granted_at` remembers it, so the
 * grant is announced once, and the row is kept (as not_eligible) if eligibility lapses.
 */
export type CatalogueIncentive = MatchIncentive & {
  grantedWithoutApplication: boolean;
  /** everything its evaluation reads besides the enterprise (conditions, policy region and dates), as a memo key */
  signature?: string;
  /** which enterprise facts its conditions read */
  reads?: Array<keyof FactStrings>;
};

/** An enterprise's facts as strings, once per enterprise, for memo keys. */
interface FactStrings {
  certifications: string;
  industry: string;
  home: string;
  size: string;
  land: string;
  investment: string;
}

const READS: Record<string, keyof FactStrings> = {
  certification: 'certifications',
  industry: 'industry',
  homeRegion: 'home',
  enterpriseSize: 'size',
  needsLand: 'land',
  minInvestment: 'investment',
};

/** Incentives of published policies (their region and validity are checked by the evaluator). */
export const CATALOGUE_SQL = `
  SELECT i.id, i.title, i.conditions, i.granted_without_application, pol.region_code, pol.valid_from::text AS valid_from, pol.valid_to::text AS valid_to
  FROM incentive i JOIN policy pol ON pol.id = i.policy_id WHERE pol.status = 'published' ORDER BY i.id`;

export class IncentiveCatalogue {
  /** incentives by every code on their policy region's path (a target containing the policy region finds them) */
  private readonly byAncestor = new Map<string, CatalogueIncentive[]>();
  private readonly byScope = new Map<string, CatalogueIncentive[]>();

  constructor(
    readonly incentives: readonly CatalogueIncentive[],
    private readonly regions: RegionTree,
  ) {
    for (const i of incentives) {
      const scope = i.policy.regionCode;
      push(this.byScope, scope, i);
      for (const a of regions.path(scope)) push(this.byAncestor, a, i);
    }
  }

  static fromRows(rows: IncentiveRow[], regions: RegionTree): IncentiveCatalogue {
    return new IncentiveCatalogue(
      rows.map((r) => ({
        id: r.id,
        title: r.title,
        conditions: r.conditions,
        grantedWithoutApplication: r.granted_without_application,
        policy: { regionCode: r.region_code, validFrom: r.valid_from, validTo: r.valid_to },
      })),
      regions,
    );
  }

  /** Incentives whose policy region concerns the enterprise: it contains the home or a target, or lies inside a target. */
  applicable(e: Pick<EnterpriseFacts, 'homeRegionCode' | 'targetRegionCodes'>): CatalogueIncentive[] {
    const out = new Map<number, CatalogueIncentive>();
    for (const c of this.regions.closure([e.homeRegionCode, ...e.targetRegionCodes]))
      for (const i of this.byScope.get(c) ?? []) out.set(i.id, i);
    for (const t of e.targetRegionCodes) for (const i of this.byAncestor.get(t) ?? []) out.set(i.id, i);
    return [...out.values()];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export interface EligibilityRow {
  enterpriseId: number;
  incentiveId: number;
  status: 'eligible' | 'needs_info';
  missing: string[];
  fingerprint: number;
  granted: boolean;
}

/**
 * What the evaluator says, memoised: within its policy's region (checked here, cheaply) the answer
 * depends only on the incentive and the enterprise facts its conditions read — certifications,
 * industries, home, size, land, investment range — so enterprises alike share one evaluation.
 */
type Verdict = { status: 'eligible' | 'needs_info' | 'not_eligible'; missing: string[]; fingerprint: number };
const verdicts = new Map<string, Map<string, Verdict>>();
let verdictCount = 0;
const VERDICTS_MAX = 50_000;

function inScope(e: Pick<EnterpriseFacts, 'homeRegionCode' | 'targetRegionCodes'>, scope: string, regions: RegionTree): boolean {
  return (
    regions.isWithin(e.homeRegionCode, scope) || e.targetRegionCodes.some((t) => regions.isWithin(t, scope) || regions.isWithin(scope, t))
  );
}

export function evaluateStored(
  e: EnterpriseFacts & { id: number },
  incentives: readonly CatalogueIncentive[],
  ctx: { regions: RegionTree; industries: CodeTree; today: string },
): EligibilityRow[] {
  const out: EligibilityRow[] = [];
  const f: FactStrings = {
    certifications: certificationsKey(e),
    industry: e.industryCodes.join(','),
    home: e.homeRegionCode,
    size: String(e.size),
    land: String(e.needLandMu),
    investment: `${e.investmentMinYuan}-${e.investmentMaxYuan}`,
  };
  for (const i of incentives) {
    if (!inScope(e, i.policy.regionCode, ctx.regions)) continue;
    i.signature ??= JSON.stringify([i.id, i.conditions, i.policy, ctx.today]);
    i.reads ??= [...new Set(i.conditions.map((c) => READS[c.type]))];
    const facts = i.reads.length === 0 ? '' : i.reads.length === 1 ? f[i.reads[0]] : i.reads.map((k) => f[k]).join('|');
    let forIncentive = verdicts.get(i.signature);
    let v = forIncentive?.get(facts);
    if (!v) {
      const r = evaluateEligibility(e, i, ctx);
      const missing = missingInformation(r);
      v = { status: r.status, missing, fingerprint: hash32(`${r.status}|${missing.join('|')}`) };
      if (verdictCount >= VERDICTS_MAX) {
        verdicts.clear();
        verdictCount = 0;
      }
      forIncentive = verdicts.get(i.signature);
      if (!forIncentive) verdicts.set(i.signature, (forIncentive = new Map()));
      forIncentive.set(facts, v);
      verdictCount++;
    }
    if (v.status === 'not_eligible') continue;
    out.push({
      enterpriseId: e.id,
      incentiveId: i.id,
      status: v.status,
      missing: v.missing,
      fingerprint: v.fingerprint,
      granted: i.grantedWithoutApplication,
    });
  }
  return out;
}

export interface ExistingEligibility {
  e: number;
  i: number;
  f: number;
  s: string;
}

const UPSERT = `
WITH input AS (
  SELECT * FROM json_to_recordset($1::json) AS x(e int, i int, s varchar, m jsonb, f int, g boolean)
), up AS (
  INSERT INTO enterprise_incentive AS ei (enterprise_id, incentive_id, status, missing, fingerprint, basis_at, computed_at, granted_at)
  SELECT e, i, s, m, f, $2::timestamptz, now(), CASE WHEN g AND s = 'eligible' THEN now() END FROM input
  ON CONFLICT (enterprise_id, incentive_id) DO UPDATE SET
    status = EXCLUDED.status, missing = EXCLUDED.missing, fingerprint = EXCLUDED.fingerprint, basis_at = EXCLUDED.basis_at, computed_at = now(),
    granted_at = CASE WHEN ei.granted_at IS NULL AND EXCLUDED.granted_at IS NOT NULL THEN now() ELSE ei.granted_at END
  WHERE ei.fingerprint <> EXCLUDED.fingerprint AND ei.basis_at <= EXCLUDED.basis_at
  RETURNING ei.enterprise_id, ei.incentive_id, ei.granted_at = now() AS granted
), ev AS (${incentiveGrantedEventsSql('up')}
)
SELECT (SELECT count(*) FROM up)::int AS written, (SELECT count(*) FROM ev)::int AS events`;

export async function upsertEligibility(
  m: EntityManager,
  rows: readonly EligibilityRow[],
  basis: string,
): Promise<{ written: number; events: number }> {
  if (!rows.length) return { written: 0, events: 0 };
  const json = JSON.stringify(
    rows.map((r) => ({ e: r.enterpriseId, i: r.incentiveId, s: r.status, m: r.missing, f: r.fingerprint, g: r.granted })),
  );
  const [stats] = await m.query(UPSERT, [json, basis]);
  return stats;
}

/** Pairs no longer eligible: deleted, or kept as not_eligible when their grant was announced. */
export async function removeEligibility(m: EntityManager, pairs: ReadonlyArray<readonly [number, number]>, basis: string): Promise<number> {
  if (!pairs.length) return 0;
  const [{ n }] = await m.query(
    `WITH gone AS (SELECT * FROM unnest($1::int[], $2::int[]) AS g(e, i)),
     d AS (DELETE FROM enterprise_incentive ei USING gone WHERE ei.enterprise_id = gone.e AND ei.incentive_id = gone.i
             AND ei.granted_at IS NULL AND ei.basis_at < $3::timestamptz RETURNING 1),
     u AS (UPDATE enterprise_incentive ei SET status = 'not_eligible', missing = '[]', fingerprint = 0, basis_at = $3::timestamptz, computed_at = now()
             FROM gone WHERE ei.enterprise_id = gone.e AND ei.incentive_id = gone.i AND ei.granted_at IS NOT NULL
             AND ei.status <> 'not_eligible' AND ei.basis_at < $3::timestamptz RETURNING 1)
     SELECT ((SELECT count(*) FROM d) + (SELECT count(*) FROM u))::int AS n`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), basis],
  );
  return n;
}
