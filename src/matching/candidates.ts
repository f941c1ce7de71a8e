import type { RegionTree } from '../reference/regions.js';
import type { CodeTree } from '../reference/tree.js';

/**
 * Candidate generation: the SQL twin of the scorer's hard requirements (region and industry,
 * see MIN_INDUSTRY_FIT in scoring/config.ts), so PostgreSQL hands over exactly the pairs that can
 * match, found through the GIN indexes on the closure arrays — publishing a project never loads
 * all enterprises, registering an enterprise never loads all projects. A unit test checks these
 * sets against the scorer over the whole industry tree; an integration test runs the SQL.
 *
 * Region: the project lies in a target region (a target is on the project's path), or in the
 * enterprise's home city (the home path, without its province, meets the project's path).
 * Industry (any enterprise code e, project code p):
 *   e inside p (p on e's path) · same group (p's group on e's path) · e is the division of p.
 */

/** GB/T 4754 codes nest by prefix: C › C13 › C135 › C1351 (1, 3, 4, 5 characters). */
const groupOf = (code: string) => (code.length === 5 ? code.slice(0, 4) : null);
const divisionOf = (code: string) => (code.length >= 4 ? code.slice(0, 3) : null);

export interface ProjectKeys {
  /** the project's region path (a target on it covers the project) */
  regionPath: string[];
  /** the path without the province (meets a home path ⇔ same home city) */
  homeKeys: string[];
  /** on an enterprise's industry path: inside the project's field or in the same group */
  industryPathKeys: string[];
  /** among an enterprise's declared codes: the division of a project code */
  industryCodeKeys: string[];
}

/** Parameters of the enterprise-side query for one project. */
export function projectKeys(p: { regionCode: string; industryCodes: readonly string[] }, regions: RegionTree): ProjectKeys {
  const regionPath = [...regions.path(p.regionCode)];
  const industryPathKeys = new Set<string>();
  const industryCodeKeys = new Set<string>();
  for (const c of p.industryCodes) {
    industryPathKeys.add(c);
    const g = groupOf(c);
    if (g) industryPathKeys.add(g);
    const d = divisionOf(c);
    if (d) industryCodeKeys.add(d);
  }
  return { regionPath, homeKeys: regionPath.slice(1), industryPathKeys: [...industryPathKeys], industryCodeKeys: [...industryCodeKeys] };
}

/**
 * Enterprises that can match a project. `$1` region path, `$2` home keys, `$3` industry-path keys,
 * `$4` declared-division keys, `$5` their union (the GIN-served superset; the OR is a recheck).
 */
export const ENTERPRISE_CANDIDATES_WHERE = `
  (e.target_region_codes && $1::char(6)[] OR e.home_region_path && $2::char(6)[])
  AND e.industry_path && $5::varchar[]
  AND (e.industry_path && $3::varchar[] OR e.industry_codes && $4::varchar[])`;

export const enterpriseCandidateParams = (k: ProjectKeys) => [
  k.regionPath,
  k.homeKeys,
  k.industryPathKeys,
  k.industryCodeKeys,
  [...new Set([...k.industryPathKeys, ...k.industryCodeKeys])],
];

/** The enterprise-side keys the project query uses (computed in SQL from e.* below; here for the twin test). */
export function enterpriseKeys(e: { industryCodes: readonly string[]; homeRegionCode: string; targetRegionCodes: readonly string[] }, regions: RegionTree, industries: CodeTree) {
  const homePath = [...regions.path(e.homeRegionCode)];
  const industryPath = industries.closure(e.industryCodes);
  const wide = new Set<string>();
  for (const c of e.industryCodes) {
    if (c.length === 3 || c.length === 4) wide.add(c);
    const g = groupOf(c);
    if (g) wide.add(g);
  }
  return { regionKeys: [...new Set([...e.targetRegionCodes, ...homePath.slice(1)])], industryPath, wide: [...wide] };
}

/**
 * Published, open projects that can match each enterprise of a set (alias `e`, a LATERAL join):
 * the project's region path meets the targets or the home city; its industries meet the
 * enterprise's path, or its path meets the enterprise's groups/divisions.
 */
export const PROJECT_CANDIDATES_LATERAL = `
  CROSS JOIN LATERAL (
    SELECT e.target_region_codes || e.home_region_path[2:3] AS region_keys,
           e.industry_path AS ind_path,
           ARRAY(SELECT CASE WHEN length(c) = 5 THEN left(c, 4) ELSE c END FROM unnest(e.industry_codes) c WHERE length(c) IN (3, 4, 5))::varchar[] AS ind_wide
  ) k
  JOIN project p ON p.status = 'published' AND p.stage <> 'closed'
    AND p.region_path && k.region_keys
    AND p.industry_path && (k.ind_path || k.ind_wide)
    AND (p.industry_codes && k.ind_path OR p.industry_path && k.ind_wide)`;

/** Array overlap, for the twin test. */
export const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
