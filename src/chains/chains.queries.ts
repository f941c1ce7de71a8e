import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffQueries, type StaffMember } from '../accounts/staff.queries.js';
import { EnterpriseIndustryQueries } from '../enterprises/enterprise-industry.queries.js';
import { LeadIndustryQueries } from '../leads/lead-industry.queries.js';
import { offsetOf } from '../platform/http/pagination.js';
import { ProjectIndustryQueries } from '../projects/project-industry.queries.js';
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

/**
 * Read models of 产业链招商. The chain's own tables are read here; the presence and the targets
 * come from the modules that own enterprise, project and lead rows (their `*-industry.queries.ts`),
 * each one index-driven pass over the rows fitting any segment: the region closures (GIN `@>`),
 * the industry closures (GIN `&&` with the segments' codes), the lead's region at its level.
 */
@Injectable()
export class ChainsQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enterprises: EnterpriseIndustryQueries,
    private readonly projects: ProjectIndustryQueries,
    private readonly leads: LeadIndustryQueries,
  ) {}

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
      items: rows.map(
        (r) =>
          ({ id: r.id, name: r.name, regionCode: r.region_code, templateKey: r.template_key, segmentCount: r.segment_count }) as Chain & {
            segmentCount: number;
          },
      ),
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
    const sets = segments.map((s) => s.industryCodes);
    const [enterprises, projects, leads] = await Promise.all([
      this.enterprises.countRegisteredIn(chain.regionCode, sets),
      this.projects.countOpenIn(chain.regionCode, sets),
      this.leads.landedIn(chain.regionCode, sets),
    ]);
    const thresholds = { strongMin: chain.strongMin, weakMin: chain.weakMin };
    return segments.map((s, i) => {
      const l = leads[i];
      return {
        segmentId: s.id,
        enterprises: enterprises[i],
        openProjects: projects[i],
        signedLeads: l.signed,
        startedLeads: l.started,
        producingLeads: l.producing,
        status: segmentStatus({ enterprises: enterprises[i], landed: l.signed + l.started + l.producing }, thresholds),
      };
    });
  }

  /**
   * The targets by the live segment statuses, at the cost of the slower of the two reads instead of
   * their sum: the ranking runs on the stored statuses (ChainStatuses) while the presence is
   * counted; when the count agrees — the usual case — that ranking is the answer, else it runs again
   * on the live one.
   */
  async liveTargets(chain: Chain, segments: ChainSegment[], q: TargetsQuery, onlyEnterpriseId: number | null = null) {
    const stored: SegmentPresence[] = segments.map((s) => ({
      segmentId: s.id,
      enterprises: s.presence,
      openProjects: 0,
      signedLeads: 0,
      startedLeads: 0,
      producingLeads: 0,
      status: s.status,
    }));
    const [live, guess] = await Promise.all([this.presence(chain, segments), this.targets(chain, segments, stored, q, onlyEnterpriseId)]);
    const count = (p: SegmentPresence) => p.enterprises + p.signedLeads + p.startedLeads + p.producingLeads;
    const same = live.every((p, i) => p.status === stored[i].status && count(p) === count(stored[i]));
    return same ? guess : this.targets(chain, segments, live, q, onlyEnterpriseId);
  }

  /**
   * Enterprises outside the chain's region whose industries fall in a gap or weak segment, each
   * under its best segment (gaps first, then left to right), ranked by score (FIT_POINTS +
   * OPENNESS_POINTS, equal to `targetScore`), then id.
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
      .sort((a, b) =>
        byId.get(a.id)!.status === byId.get(b.id)!.status ? a.position - b.position : byId.get(a.id)!.status === 'gap' ? -1 : 1,
      );
    if (!open.length) return { items: [], total: 0 };
    const statusOf = (s: ChainSegment) => byId.get(s.id)!.status as 'gap' | 'weak';
    const ranked = await this.enterprises.rankRegisteredOutside({
      regionCode: chain.regionCode,
      sets: open.map((s) => ({ codes: s.industryCodes, points: FIT_POINTS[statusOf(s)] })),
      opennessPoints: OPENNESS_POINTS,
      limit: q.pageSize,
      offset: offsetOf(q),
      onlyId: onlyEnterpriseId,
    });
    const r = regions();
    const t = industries();
    const province = r.path(chain.regionCode)[0];
    const items = ranked.items.map((row): ChainTarget => {
      const s = open[row.set];
      const p = byId.get(s.id)!;
      const status = statusOf(s);
      const inSegment = row.industryCodes.filter((c) => s.industryCodes.some((sc) => t.isWithin(c, sc)));
      return {
        enterpriseId: row.id,
        enterpriseName: row.name,
        segmentId: s.id,
        segmentName: s.name,
        status,
        openness: row.openness,
        score: row.score,
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
    return { items, total: ranked.total };
  }
}

/** Names and facts of other modules' rows the chain shows or checks, through those modules' read models. */
@Injectable()
export class ChainLookups {
  constructor(
    private readonly staff: StaffQueries,
    private readonly enterpriseRows: EnterpriseIndustryQueries,
  ) {}

  /** Staff users (officers, bureau leads) with their bureau's region. */
  staffUser(id: number): Promise<StaffMember | null> {
    return this.staff.active(id);
  }

  /** Active officers and bureau leads whose bureau covers the region (candidates for 链长). */
  staffCovering(regionCode: string): Promise<StaffMember[]> {
    return this.staff.officersCovering(regionCode);
  }

  enterprises(ids: number[]) {
    return this.enterpriseRows.summaries(ids);
  }
}
