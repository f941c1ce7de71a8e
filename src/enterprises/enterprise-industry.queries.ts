import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regions } from '../reference/regions.js';

/** How far an enterprise has said it would invest in a region: there (or its city), its province, or nowhere said. */
export type Openness = 'region' | 'province' | 'none';

export interface IndustrySetTarget {
  id: number;
  name: string;
  industryCodes: string[];
  /** Index of the first set (in the order given) an industry of the enterprise lies in. */
  set: number;
  openness: Openness;
  score: number;
}

export interface RankOutsideQuery {
  regionCode: string;
  /** Code sets (any GB/T 4754 level), in order of preference, with the points an enterprise in each earns. */
  sets: Array<{ codes: string[]; points: number }>;
  opennessPoints: Record<Openness, number>;
  limit: number;
  offset: number;
  /** Only this enterprise (is it a target, and under which set?). */
  onlyId?: number | null;
}

/**
 * Enterprises by industry code sets and region — the read models other modules (产业链招商) need,
 * kept here beside the table they read. Index-driven: the closures `home_region_path` (GIN `@>`)
 * and `industry_path` (GIN `&&`: an enterprise coded C2641 has C26 and C264 in its path, so a set
 * naming C264 holds it).
 */
@Injectable()
export class EnterpriseIndustryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per set, the enterprises registered in the region's subtree with an industry inside it. One pass:
   * the rows fitting any set are read once, then counted per set.
   */
  async countRegisteredIn(regionCode: string, sets: string[][]): Promise<number[]> {
    if (!sets.length) return [];
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH hit AS MATERIALIZED (
         SELECT e.industry_path FROM enterprise e
          WHERE e.home_region_path @> ARRAY[$1]::char(6)[] AND e.industry_path && $2::varchar(5)[]
       )
       SELECT (SELECT count(*)::int FROM hit WHERE hit.industry_path && s.codes) AS n
         FROM (SELECT j.ord, ARRAY(SELECT json_array_elements_text(j.x))::varchar(5)[] AS codes
                 FROM json_array_elements($3::json) WITH ORDINALITY AS j(x, ord)) s
        ORDER BY s.ord`,
      [regionCode, [...new Set(sets.flat())], JSON.stringify(sets)],
    );
    return rows.map((r) => r.n);
  }

  /**
   * Enterprises registered outside the region with an industry in one of the sets, each under the
   * first set it fits, ranked by the set's points + the openness points, then id; with the total.
   * Openness: a target region inside the region (or the region's city itself) › the province › none.
   * The ranking reads narrow rows (id, set, openness); names and codes only for the page.
   */
  async rankRegisteredOutside(q: RankOutsideQuery): Promise<{ items: IndustrySetTarget[]; total: number }> {
    if (!q.sets.length) return { items: [], total: 0 };
    const r = regions();
    const path = r.path(q.regionCode);
    const province = path[0];
    const params: unknown[] = [
      [q.regionCode],
      province,
      path.filter((c) => c !== province),
      q.opennessPoints.region,
      q.opennessPoints.province,
      q.limit,
      q.offset,
    ];
    const pick = q.sets
      .map((s, i) => {
        params.push(s.codes);
        return `WHEN e.industry_path && $${params.length}::varchar(5)[] THEN ${i}`;
      })
      .join(' ');
    params.push(
      [...new Set(q.sets.flatMap((s) => s.codes))],
      q.sets.map((s) => s.points),
      q.onlyId ?? null,
      q.opennessPoints.none,
    );
    const [all, points, only, none] = [params.length - 3, params.length - 2, params.length - 1, params.length];
    type Row = { id: number; name: string; industry_codes: string[]; set: number; openness: Openness; score: number; total: number };
    const run = (limit: number, offset: number): Promise<Row[]> =>
      this.dataSource.query(
        `WITH candidate AS (
           SELECT e.id, CASE ${pick} END AS set,
                  CASE WHEN e.target_region_path @> $1::char(6)[] OR e.target_region_codes && $3::char(6)[] THEN 'region'
                       WHEN e.target_region_path @> ARRAY[$2]::char(6)[] THEN 'province'
                       ELSE 'none' END AS openness
             FROM enterprise e
            WHERE e.industry_path && $${all}::varchar(5)[] AND NOT e.home_region_path @> $1::char(6)[]
              AND ($${only}::int IS NULL OR e.id = $${only}::int)
         ), ranked AS (
           SELECT c.id, c.set, c.openness,
                  ($${points}::int[])[c.set + 1] + CASE c.openness WHEN 'region' THEN $4::int WHEN 'province' THEN $5::int ELSE $${none}::int END AS score,
                  count(*) OVER ()::int AS total
             FROM candidate c
            ORDER BY score DESC, c.id
            LIMIT $6 OFFSET $7
         )
         SELECT k.*, e.name, e.industry_codes FROM ranked k JOIN enterprise e ON e.id = k.id ORDER BY k.score DESC, k.id`,
        params.map((v, i) => (i === 5 ? limit : i === 6 ? offset : v)),
      );
    const rows = await run(q.limit, q.offset);
    // past the last page: the total still comes from one row of the first
    const total = rows.length ? rows[0].total : q.offset > 0 ? ((await run(1, 0))[0]?.total ?? 0) : 0;
    return {
      items: rows.map((x) => ({
        id: x.id,
        name: x.name,
        industryCodes: x.industry_codes,
        set: x.set,
        openness: x.openness,
        score: Number(x.score),
      })),
      total,
    };
  }

  /** Names, home closures and industry closures of enterprises by id (in id order; unknown ids left out). */
  async summaries(ids: number[]): Promise<Array<{ id: number; name: string; homeRegionPath: string[]; industryPath: string[] }>> {
    if (!ids.length) return [];
    const rows: Array<{ id: number; name: string; home_region_path: string[]; industry_path: string[] }> = await this.dataSource.query(
      `SELECT id, name, home_region_path, industry_path FROM enterprise WHERE id = ANY($1::int[]) ORDER BY id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, homeRegionPath: r.home_region_path, industryPath: r.industry_path }));
  }
}
