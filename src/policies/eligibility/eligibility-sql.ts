import type { RegionTree } from '../../reference/regions.js';
import type { Condition } from './conditions.js';

/**
 * The evaluator's rules as SQL over the enterprise table (alias `e`), for 政策找企业 at scale:
 * `eligible` selects exactly the enterprises the evaluator calls eligible, `possible` those it
 * calls eligible or needs-more-information (i.e. not definitely ineligible). Every predicate is
 * served by a GIN index on a code array or a plain column. Kept equal to evaluate.ts by a test that
 * runs both over generated enterprises.
 */
export interface EligibilitySql {
  eligible: string;
  possible: string;
  params: Record<string, unknown>;
}

/** `today` (YYYY-MM-DD, the app Clock's date in Asia/Shanghai): a certificate valid until before it does not count. */
export function eligibilitySql(conditions: readonly Condition[], policyRegion: string, regions: RegionTree, today: string): EligibilitySql {
  const params: Record<string, unknown> = {
    scope: [policyRegion],
    scopePath: [...regions.path(policyRegion)],
    certificateToday: today,
  };
  // one of these kinds in `held` (a kind array) whose certificate has not expired; the GIN-indexed && first
  const current = (held: string, p: string) =>
    `(${held} && CAST(:${p} AS varchar[]) AND EXISTS (SELECT 1 FROM unnest(${held}) AS held(kind) WHERE held.kind = ANY(CAST(:${p} AS varchar[]))` +
    ` AND coalesce(e.certifications_valid_until ->> held.kind, '9999-12-31') >= :certificateToday))`;
  // the policy's region: registered in it, wanting to invest in it, or in a region that contains it
  const scope = `(e.home_region_path @> CAST(:scope AS char(6)[]) OR e.target_region_path @> CAST(:scope AS char(6)[]) OR e.target_region_codes && CAST(:scopePath AS char(6)[]))`;
  const strict: string[] = [scope];
  const lenient: string[] = [scope];
  conditions.forEach((c, i) => {
    const p = `c${i}`;
    switch (c.type) {
      case 'certification':
        params[p] = c.anyOf;
        strict.push(current('e.verified_certifications', p));
        lenient.push(`(${current('e.verified_certifications', p)} OR ${current('e.pending_certifications', p)})`);
        break;
      case 'industry':
        params[p] = c.anyOf;
        strict.push(`e.industry_path && CAST(:${p} AS varchar[])`);
        lenient.push(`(e.industry_path && CAST(:${p} AS varchar[]) OR cardinality(e.industry_codes) = 0)`);
        break;
      case 'homeRegion':
        params[p] = c.anyOf;
        strict.push(`e.home_region_path && CAST(:${p} AS char(6)[])`);
        lenient.push(`e.home_region_path && CAST(:${p} AS char(6)[])`);
        break;
      case 'minInvestment':
        params[p] = c.yuan;
        strict.push(`e.investment_min_yuan >= :${p}`);
        lenient.push(`(e.investment_max_yuan IS NULL OR e.investment_max_yuan >= :${p})`);
        break;
      case 'enterpriseSize':
        params[p] = c.anyOf;
        strict.push(`e.size = ANY(CAST(:${p} AS varchar[]))`);
        lenient.push(`(e.size IS NULL OR e.size = ANY(CAST(:${p} AS varchar[])))`);
        break;
      case 'needsLand':
        params[p] = c.minMu ?? 0.01;
        strict.push(`e.need_land_mu >= :${p}`);
        lenient.push(`(e.need_land_mu IS NULL OR e.need_land_mu >= :${p})`);
        break;
    }
  });
  return { eligible: strict.join(' AND '), possible: lenient.join(' AND '), params };
}
