import type { EntityManager } from 'typeorm';
import { evaluateEligibility, missingInformation, type EnterpriseFacts } from '../policies/eligibility/evaluate.js';
import type { RegionTree } from '../reference/regions.js';
import type { CodeTree } from '../reference/tree.js';
import type { IncentiveRow } from './rows.js';
import { hash32, type MatchIncentive } from './scoring/score.js';

/**
 * Enterprise × incentive eligibility, stored (政策找企业): computed from the enterprise's own facts
 * by the same evaluator as the 政策计算器, kept for eligible and needs-more-information pairs.
 * When a pair becomes eligible for an incentive granted without application (免申即享) an
 * `incentive.granted` event is written in the same statement; `granted_at` remembers it, so the
 * grant is announced once, and the row is kept (as not_eligible) if eligibility lapses.
 */
export type CatalogueIncentive = MatchIncentive & { grantedWithoutApplication: boolean };

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
    for (const c of this.regions.closure([e.homeRegionCode, ...e.targetRegionCodes])) for (const i of this.byScope.get(c) ?? []) out.set(i.id, i);
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

export function evaluateStored(
  e: EnterpriseFacts & { id: number },
  incentives: readonly CatalogueIncentive[],
  ctx: { regions: RegionTree; industries: CodeTree; today: string },
): EligibilityRow[] {
  const out: EligibilityRow[] = [];
  for (const i of incentives) {
    const r = evaluateEligibility(e, i, ctx);
    if (r.status === 'not_eligible') continue;
    const missing = missingInformation(r);
    out.push({
      enterpriseId: e.id,
      incentiveId: i.id,
      status: r.status,
      missing,
      fingerprint: hash32(`${r.status}|${missing.join('|')}`),
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
), ev AS (
  INSERT INTO notification_event (type, enterprise_id, incentive_id)
  SELECT 'incentive.granted', enterprise_id, incentive_id FROM up WHERE granted
  RETURNING 1
)
SELECT (SELECT count(*) FROM up)::int AS written, (SELECT count(*) FROM ev)::int AS events`;

export async function upsertEligibility(m: EntityManager, rows: readonly EligibilityRow[], basis: string): Promise<{ written: number; events: number }> {
  if (!rows.length) return { written: 0, events: 0 };
  const json = JSON.stringify(rows.map((r) => ({ e: r.enterpriseId, i: r.incentiveId, s: r.status, m: r.missing, f: r.fingerprint, g: r.granted })));
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
