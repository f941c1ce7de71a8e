import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { offsetOf } from '../platform/http/pagination.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import type { Chain, ChainSegment } from './chain.entity.js';
import { OPENNESS_POINTS, FIT_POINTS, segmentStatus, targetReasons, type Openness, type SegmentStatus } from './chain.vocabulary.js';
import type { ListChainsQuery, TargetsQuery } from './chains.schemas.js';

export interface SegmentPresence {
  segmentId: number;
  enterprises: number;
  openProjects: number;
  signedLeads: number;
  startedLeads: number;
  producingLeads: number;
  status: SegmentStatus;
}

export interface ChainTarget {
  enterpriseId: number;
  enterpriseName: string;
  segmentId: number;
  segmentName: string;
  status: 'gap' | 'weak';
  openness: Openness;
  score: number;
  reasons: string[];
}

/** Which lead column holds a region of this level (leads keep their region at three levels, each indexed). */
export function leadRegionColumn(regionCode: string): 'province_code' | 'city_code' | 'region_code' {
  const level = regions().get(regionCode)?.level;
  return level === 1 ? 'province_code' : level === 2 ? 'city_code' : 'region_code';
}

/** Projects still being promoted (草稿 and closed ones are not). */
export const OPEN_PROJECT_STAGES = ['planning', 'open'];

/**
 * Read models of 产业链招商. Every count is index-driven: the region closure (`home_region_path`,
 * `region_path`: GIN `@>`), the industry closure (`industry_path`: GIN `&&` with the segment's
 * codes — an enterprise coded C2641 has C26 and C264 in its path, so a segment of C264 holds it),
 * the lead's region at its level (btree equality).
 */
@Injectable()
export class ChainsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: string | null, q: ListChainsQuery): Promise<{ items: Array<Chain & { segmentCount: number }>; total: number }> {
    const where = scope ? 'WHERE c.region_path @> ARRAY[$1]::char(6)[]' : 'WHERE $1::text IS NULL';
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.id, c.name, c.region_code, c.template_key,
              (SELECT count(*)::int FROM chain_segment s WHERE s.chain_id = c.id) AS segment_count, count(*) OVER ()::int AS total
         FROM chain c ${where} ORDER BY c.id LIMIT $2 OFFSET $3`,
      [scope, q.pageSize, offsetOf(q)],
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(scope);
    return {
      total,
      items: rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, templateKey: r.template_key, segmentCount: r.segment_count }) as Chain & { segmentCount: number }),
    };
  }

  private async count(scope: string | null): Promise<number> {
    const [r]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM chain c WHERE ${scope ? 'c.region_path @> ARRAY[$1]::char(6)[]' : '$1::text IS NULL'}`,
      [scope],
    );
    return r.n;
  }

  /** Per segment: local enterprises, open projects, landed leads (each lead once, at its stage) and the status. */
  async presence(chain: Chain, segments: ChainSegment[]): Promise<SegmentPresence[]> {
    if (!segments.length) return [];
    const leadColumn = leadRegionColumn(chain.regionCode);
    const rows: Array<Record<string, number>> = await this.dataSource.query(
      `SELECT s.id AS segment_id,
              (SELECT count(*)::int FROM enterprise e
                WHERE e.home_region_path @> ARRAY[$1]::char(6)[] AND e.industry_path && s.industry_codes) AS enterprises,
              (SELECT count(*)::int FROM project p
                WHERE p.region_path @> ARRAY[$1]::char(6)[] AND p.industry_path && s.industry_codes
                  AND p.status = 'published' AND p.stage = ANY($3::text[])) AS open_projects,
              l.signed, l.started, l.producing
         FROM chain_segment s
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE x.stage = 'signed')::int AS signed,
                  count(*) FILTER (WHERE x.stage = 'started')::int AS started,
                  count(*) FILTER (WHERE x.stage = 'producing')::int AS producing
             FROM lead x
            WHERE x.${leadColumn} = $1 AND x.stage IN ('signed', 'started', 'producing') AND x.industry_path && s.industry_codes
         ) l
        WHERE s.chain_id = $2
        ORDER BY s.position`,
      [chain.regionCode, chain.id, OPEN_PROJECT_STAGES],
    );
    const thresholds = { strongMin: chain.strongMin, weakMin: chain.weakMin };
    return rows.map((r) => {
      const landed = r.signed + r.started + r.producing;
      return {
        segmentId: r.segment_id,
        enterprises: r.enterprises,
        openProjects: r.open_projects,
        signedLeads: r.signed,
        startedLeads: r.started,
        producingLeads: r.producing,
        status: segmentStatus({ enterprises: r.enterprises, landed }, thresholds),
      };
    });
  }

  /**
   * Enterprises outside the chain's region whose industries fall in a gap or weak segment, each
   * under its best segment (gaps first, then left to right), ranked by score (FIT_POINTS +
   * OPENNESS_POINTS, computed here in SQL and equal to `targetScore`), then id.
   */
  async targets(
    chain: Chain,
    segments: ChainSegment[],
    presence: SegmentPresence[],
    q: TargetsQuery,
    onlyEnterpriseId: number | null = null,
  ): Promise<{ items: ChainTarget[]; total: number }> {
    const byId = new Map(presence.map((p) => [p.segmentId, p]));
    const open = segments
      .filter((s) => ['gap', 'weak'].includes(byId.get(s.id)?.status ?? '') && (!q.segmentId || s.id === q.segmentId))
      .sort((a, b) => (byId.get(a.id)!.status === byId.get(b.id)!.status ? a.position - b.position : byId.get(a.id)!.status === 'gap' ? -1 : 1));
    if (!open.length) return { items: [], total: 0 };

    const r = regions();
    const province = r.path(chain.regionCode)[0];
    const aboveCounty = r.path(chain.regionCode).filter((c) => c !== province);
    const params: unknown[] = [[chain.regionCode], province, aboveCounty, OPENNESS_POINTS.region, OPENNESS_POINTS.province, q.pageSize, offsetOf(q)];
    const pick = open
      .map((s) => {
        params.push(s.industryCodes);
        return `WHEN e.industry_path && $${params.length}::varchar(5)[] THEN ${s.id}`;
      })
      .join(' ');
    params.push([...new Set(open.flatMap((s) => s.industryCodes))]);
    const all = params.length;
    const gapIds = open.filter((s) => byId.get(s.id)!.status === 'gap').map((s) => s.id);
    params.push(gapIds, FIT_POINTS.gap, FIT_POINTS.weak, onlyEnterpriseId);
    const [gapParam, gapPoints, weakPoints, only] = [all + 1, all + 2, all + 3, all + 4];

    type Row = { id: number; name: string; industry_codes: string[]; segment_id: number; openness: Openness; score: number; total: number };
    const run = (limit: number, offset: number): Promise<Row[]> =>
      this.dataSource.query(
        `WITH candidate AS (
           SELECT e.id, e.name, e.industry_codes,
                  CASE ${pick} END AS segment_id,
                  CASE WHEN e.target_region_path @> $1::char(6)[] OR e.target_region_codes && $3::char(6)[] THEN 'region'
                       WHEN e.target_region_path @> ARRAY[$2]::char(6)[] THEN 'province'
                       ELSE 'none' END AS openness
             FROM enterprise e
            WHERE e.industry_path && $${all}::varchar(5)[] AND NOT e.home_region_path @> $1::char(6)[]
              AND ($${only}::int IS NULL OR e.id = $${only}::int)
         )
         SELECT c.*, (CASE WHEN c.segment_id = ANY($${gapParam}::int[]) THEN $${gapPoints}::int ELSE $${weakPoints}::int END
                      + CASE c.openness WHEN 'region' THEN $4::int WHEN 'province' THEN $5::int ELSE 0 END) AS score,
                count(*) OVER ()::int AS total
           FROM candidate c
          ORDER BY score DESC, c.id
          LIMIT $6 OFFSET $7`,
        params.map((v, i) => (i === 5 ? limit : i === 6 ? offset : v)),
      );
    let rows = await run(q.pageSize, offsetOf(q));
    // past the last page: the total still comes from one row of the first
    const total = rows.length ? rows[0].total : q.page > 1 ? ((await run(1, 0))[0]?.total ?? 0) : 0;
    if (!rows.length) rows = [];
    const t = industries();
    const segById = new Map(open.map((s) => [s.id, s]));
    const items = rows.map((row): ChainTarget => {
      const s = segById.get(row.segment_id)!;
      const p = byId.get(s.id)!;
      const status = p.status as 'gap' | 'weak';
      const inSegment = row.industry_codes.filter((c) => s.industryCodes.some((sc) => t.isWithin(c, sc)));
      return {
        enterpriseId: row.id,
        enterpriseName: row.name,
        segmentId: s.id,
        segmentName: s.name,
        status,
        openness: row.openness,
        score: Number(row.score),
        reasons: targetReasons({
          regionName: r.displayName(chain.regionCode),
          provinceName: r.displayName(province),
          chainName: chain.name,
          segmentName: s.name,
          status,
          presence: p.enterprises + p.signedLeads + p.startedLeads + p.producingLeads,
          industryNames: inSegment.map((c) => t.get(c)?.name ?? c),
          openness: row.openness,
        }),
      };
    });
    return { items, total };
  }
}

/** Names and facts of other modules' rows the chain shows or checks (read-only lookups by id). */
@Injectable()
export class ChainLookups {
  constructor(private readonly dataSource: DataSource) {}

  /** Staff users (officers, bureau leads) with their bureau's region. */
  async staffUser(id: number): Promise<{ id: number; name: string; role: string; regionCode: string | null } | null> {
    const [u]: Array<{ id: number; name: string; role: string; region_code: string | null }> = await this.dataSource.query(
      `SELECT u.id, u.name, u.role, b.region_code FROM app_user u LEFT JOIN bureau b ON b.id = u.bureau_id WHERE u.id = $1 AND u.active`,
      [id],
    );
    return u ? { id: u.id, name: u.name, role: u.role, regionCode: u.region_code } : null;
  }

  /** Active officers and bureau leads whose bureau covers the region (candidates for 链长), by name. */
  async staffCovering(regionCode: string): Promise<Array<{ id: number; name: string; role: string; regionCode: string }>> {
    const rows: Array<{ id: number; name: string; role: string; region_code: string }> = await this.dataSource.query(
      `SELECT u.id, u.name, u.role, b.region_code FROM app_user u JOIN bureau b ON b.id = u.bureau_id
        WHERE u.active AND u.role IN ('officer', 'bureau_lead') AND b.region_code = ANY($1::char(6)[]) ORDER BY u.name, u.id LIMIT 200`,
      [regions().path(regionCode)],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, regionCode: r.region_code }));
  }

  async enterprises(ids: number[]): Promise<Array<{ id: number; name: string; homeRegionPath: string[]; industryPath: string[] }>> {
    if (!ids.length) return [];
    const rows: Array<{ id: number; name: string; home_region_path: string[]; industry_path: string[] }> = await this.dataSource.query(
      `SELECT id, name, home_region_path, industry_path FROM enterprise WHERE id = ANY($1::int[]) ORDER BY id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, homeRegionPath: r.home_region_path, industryPath: r.industry_path }));
  }
}
