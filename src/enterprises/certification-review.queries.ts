import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { staffScope } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';

/** Read model: the certifications waiting for an officer's review (the console dashboard's to-do card). */
@Injectable()
export class CertificationReviewQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Enterprises registered in the actor's region with a claimed, not yet reviewed certification. */
  async pendingCount(actor: Actor): Promise<number> {
    const scope = staffScope(actor);
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprise e WHERE cardinality(e.pending_certifications) > 0 ${scope ? 'AND e.home_region_path @> $1::char(6)[]' : ''}`,
      scope ? [[scope]] : [],
    );
    return row.n;
  }
}
