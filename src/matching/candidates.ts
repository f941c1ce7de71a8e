import type { RegionTree } from '../reference/regions.js';

/**
 * Candidate generation: the SQL twin of the scorer's hard requirements (region and industry,
 * see MIN_INDUSTRY_FIT in scoring/config.ts), so PostgreSQL hands over exactly the pairs that can
 * match, found through the GIN indexes on the closure arrays — publishing a project never loads
 * all enterprises, registering an enterprise never loads all projects. A unit test checks these
 * sets against the scorer over the whole industry tree; an integration test runs the SQL.
 *
 * Region: the project lies in a target region (a target is on the project's path), or in the
 * enterprise's home city (the home path, without its province, meets the project's path).
 * Industry (enterprise code e, project code p, p below the section): e inside p (p on e's path),
 * or both in one group (p's group on e's path — this includes e being that group). Codes that name
 * only a section (project) or a division (enterprise) are too vague to match a finer code; the
 * scorer says so, and so these queries are exact: no superset to read and throw away.
 */

/** GB/T 4754 codes nest by prefix: C › C13 › C135 › C1351 (1, 3, 4, 5 characters). */
const groupOf = (code: string) => (code.length === 5 ? code.slice(0, 4) : null);

export interface ProjectKeys {
  /** the project's region path (a target on it covers the project) */
  regionPath: string[];
  /** the path without the province (meets a home path ⇔ same home city) */
  homeKeys: string[];
  /** on an enterprise's industry path: inside the project's field or in the same group */
  industryPathKeys: string[];
}

/** Parameters of the enterprise-side query for one project. */
export function projectKeys(p: { regionCode: string; industryCodes: readonly string[] }, regions: RegionTree): ProjectKeys {
  const regionPath = [...regions.path(p.regionCode)];
  const industryPathKeys = new Set<string>();
  for (const c of p.industryCodes) {
    if (c.length === 1) continue; // a whole section says nothing about the industry (the scorer agrees)
    industryPathKeys.add(c);
    const g = groupOf(c);
    if (g) industryPathKeys.add(g);
  }
  return { regionPath, homeKeys: regionPath.slice(1), industryPathKeys: [...industryPathKeys] };
}

/** Enterprises that can match a project: `$1` region path, `$2` home keys, `$3` industry-path keys. */
export const ENTERPRISE_CANDIDATES_WHERE = `
  (e.target_region_codes && $1::char(6)[] OR e.home_region_path && $2::char(6)[])
  AND e.industry_path && $3::varchar[]`;

export const enterpriseCandidateParams = (k: ProjectKeys) => [k.regionPath, k.homeKeys, k.industryPathKeys];

/**
 * Published, open projects that can match each enterprise of a small set (alias `e`, a LATERAL
 * join served by the project GIN indexes): the project's region path meets the targets or the
 * home city; a project code is on the enterprise's industry path (below the section), or the
 * project's path meets the enterprise's groups. (A full re-match uses ProjectIndex.)
 */
export const PROJECT_CANDIDATES_LATERAL = `
  CROSS JOIN LATERAL (
    SELECT e.target_region_codes || e.home_region_path[2:3] AS region_keys,
           ARRAY(SELECT x FROM unnest(e.industry_path) x WHERE length(x) > 1)::varchar[] AS ind_path,
           ARRAY(SELECT CASE WHEN length(c) = 5 THEN left(c, 4) ELSE c END FROM unnest(e.industry_codes) c WHERE length(c) IN (4, 5))::varchar[] AS ind_groups
  ) k
  JOIN project p ON p.status = 'published' AND p.stage <> 'closed'
    AND p.region_path && k.region_keys
    AND p.industry_path && k.ind_path
    AND (p.industry_codes && k.ind_path OR p.industry_path && k.ind_groups)`;

// ─── the same relation as keys, for a full re-match ─────────────────────────────────────

/**
 * The candidate relation as shared keys: a pair can match iff its industry keys meet and its
 * region keys meet. Project industry keys: its codes (below the section) and their groups;
 * enterprise industry keys: its industry path below the section. Region keys:
 * the project's path and `h:` + its path below the province; the enterprise's targets and
 * `h:` + its home path below the province.
 */
export function projectIndustryKeys(codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const c of codes) {
    if (c.length === 1) continue;
    out.add(c);
    const g = groupOf(c);
    if (g) out.add(g);
  }
  return [...out];
}

export function projectRegionKeys(path: readonly string[]): string[] {
  return [...path, ...path.slice(1).map((x) => `h:${x}`)];
}

export function enterpriseIndustryKeys(codes: readonly string[], industryPath: readonly string[]): string[] {
  void codes;
  return industryPath.filter((x) => x.length > 1);
}

export function enterpriseRegionKeys(targets: readonly string[], homePath: readonly string[]): string[] {
  return [...targets, ...homePath.slice(1).map((x) => `h:${x}`)];
}

/**
 * Published, open projects by candidate key, in memory: a full re-match scores every enterprise
 * against every project that can match it, chunk after chunk, and per enterprise a GIN probe of
 * the project table (a province-level target alone meets thousands of projects) costs more than
 * the scoring. Loaded once per worker and run from the project table (ids, codes, region path),
 * reloaded when any project changes.
 */
export class ProjectIndex {
  private readonly byIndustry = new Map<string, number[]>();
  private readonly regionKeys = new Map<number, Set<string>>();

  constructor(
    readonly stamp: string,
    projects: Iterable<{ id: number; industry_codes: string[]; region_path: string[] }>,
  ) {
    for (const p of projects) {
      this.regionKeys.set(p.id, new Set(projectRegionKeys(p.region_path)));
      for (const k of projectIndustryKeys(p.industry_codes)) {
        const list = this.byIndustry.get(k);
        if (list) list.push(p.id);
        else this.byIndustry.set(k, [p.id]);
      }
    }
  }

  get size(): number {
    return this.regionKeys.size;
  }

  /** Ids of the projects that can match an enterprise. */
  candidates(e: {
    industryCodes: readonly string[];
    industryPath: readonly string[];
    targetRegionCodes: readonly string[];
    homeRegionPath: readonly string[];
  }): number[] {
    const regionKeys = enterpriseRegionKeys(e.targetRegionCodes, e.homeRegionPath);
    const out = new Set<number>();
    for (const k of enterpriseIndustryKeys(e.industryCodes, e.industryPath)) {
      for (const id of this.byIndustry.get(k) ?? []) {
        if (out.has(id)) continue;
        const rk = this.regionKeys.get(id)!;
        if (regionKeys.some((x) => rk.has(x))) out.add(id);
      }
    }
    return [...out];
  }
}

/** Loads a ProjectIndex (or keeps `current` when the project table has not changed). */
export const PROJECT_INDEX_STAMP_SQL = `SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM project`;
export const PROJECT_INDEX_SQL = `SELECT id, industry_codes, region_path FROM project WHERE status = 'published' AND stage <> 'closed'`;

/** Array overlap, for the twin test. */
export const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
