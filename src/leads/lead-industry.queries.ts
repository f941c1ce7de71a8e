import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regions } from '../reference/regions.js';

/** Which lead column holds a region of this level (leads keep their region at three levels, each indexed). */
export function leadRegionColumn(regionCode: string): 'province_code' | 'city_code' | 'region_code' {
  const level = regions().get(regionCode)?.level;
  return level === 1 ? 'province_code' : level === 2 ? 'city_code' : 'region_code';
}

export interface LandedCounts {
  signed: number;
  started: number;
  producing: number;
}

/** Leads by industry code sets and region, for other modules' read models (产业链招商). */
@Injectable()
export class LeadIndustryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per set, the region's landed leads (三个一批: signed, started, producing — each lead once, at its
   * current stage) with an industry inside it. One pass over the region's landed, fitting leads.
   */
  async landedIn(regionCode: string, sets: string[][]): Promise<LandedCounts[]> {
    if (!sets.length) return [];
    const rows: LandedCounts[] = await this.dataSource.query(
      `WITH hit AS MATERIALIZED (
         SELECT x.stage, x.industry_path FROM lead x
          WHERE x.${leadRegionColumn(regionCode)} = $1 AND x.stage IN ('signed', 'started', 'producing') AND x.industry_path && $2::varchar(5)[]
       )
       SELECT l.signed, l.started, l.producing
         FROM (SELECT j.ord, ARRAY(SELECT json_array_elements_text(j.x))::varchar(5)[] AS codes
                 FROM json_array_elements($3::json) WITH ORDINALITY AS j(x, ord)) s
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE h.stage = 'signed')::int AS signed,
                 count(*) FILTER (WHERE h.stage = 'started')::int AS started,
                 count(*) FILTER (WHERE h.stage = 'producing')::int AS producing
            FROM hit h WHERE h.industry_path && s.codes
        ) l
        ORDER BY s.ord`,
      [regionCode, [...new Set(sets.flat())], JSON.stringify(sets)],
    );
    return rows;
  }
}
