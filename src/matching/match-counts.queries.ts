import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { staffScope } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { Clock } from '../platform/clock/clock.js';

/** Read model: matches with the projects of the actor's region (the console dashboard's to-do cards). */
@Injectable()
export class MatchCountsQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** New matches of the last 7 days, and matches the enterprise said 感兴趣 to, with the region's projects. */
  async dashboardCounts(actor: Actor): Promise<{ recentMatches: number; interested: number }> {
    const scope = staffScope(actor);
    const since = new Date(this.clock.now().getTime() - 7 * 24 * 3600_000);
    const [row]: Array<{ recent: number; interested: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE m.created_at >= $1 AND m.withdrawn_at IS NULL)::int AS recent,
              count(*) FILTER (WHERE m.status = 'interested')::int AS interested
       FROM match m JOIN project p ON p.id = m.project_id
       WHERE (m.created_at >= $1 OR m.status = 'interested') ${scope ? 'AND p.region_path @> $2::char(6)[]' : ''}`,
      scope ? [since, [scope]] : [since],
    );
    return { recentMatches: row.recent, interested: row.interested };
  }
}
