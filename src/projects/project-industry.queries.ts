import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProjectStage } from './project.vocabulary.js';

/** Projects still being promoted (草稿 and closed ones are not). */
export const OPEN_PROJECT_STAGES: ProjectStage[] = ['planning', 'open'];

/** Projects by industry code sets and region, for other modules' read models (产业链招商). */
@Injectable()
export class ProjectIndustryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Per set, the published open projects in the region's subtree with an industry inside it (one pass over the region's fitting rows). */
  async countOpenIn(regionCode: string, sets: string[][]): Promise<number[]> {
    if (!sets.length) return [];
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH hit AS MATERIALIZED (
         SELECT p.industry_path FROM project p
          WHERE p.region_path @> ARRAY[$1]::char(6)[] AND p.industry_path && $2::varchar(5)[]
            AND p.status = 'published' AND p.stage = ANY($4::text[])
       )
       SELECT (SELECT count(*)::int FROM hit WHERE hit.industry_path && s.codes) AS n
         FROM (SELECT j.ord, ARRAY(SELECT json_array_elements_text(j.x))::varchar(5)[] AS codes
                 FROM json_array_elements($3::json) WITH ORDINALITY AS j(x, ord)) s
        ORDER BY s.ord`,
      [regionCode, [...new Set(sets.flat())], JSON.stringify(sets), OPEN_PROJECT_STAGES],
    );
    return rows.map((r) => r.n);
  }
}
