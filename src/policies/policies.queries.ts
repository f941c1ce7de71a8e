import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireStaff, staffScope } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { regions } from '../reference/regions.js';

export interface IncentiveChoice {
  id: number;
  title: string;
  kind: string;
  policyTitle: string;
  regionCode: string;
  draft: boolean;
  /** Its policy's validity ended (listed only when already chosen: no new choice). */
  expired: boolean;
}

/** Read models of policies and incentives that pages need. */
@Injectable()
export class PoliciesQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Published policies and their incentives (the home page's figures). */
  async publishedCounts(): Promise<{ policies: number; incentives: number }> {
    const [r]: Array<{ policies: number; incentives: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM policy WHERE status = 'published')::int AS policies,
              (SELECT count(*) FROM incentive i JOIN policy p ON p.id = i.policy_id WHERE p.status = 'published')::int AS incentives`,
    );
    return r;
  }

  /**
   * Incentives an officer may attach to a project: published ones applying in their scope, and
   * drafts inside it; those of expired policies (已失效) only when already chosen, so they are no new choice.
   */
  async incentiveChoices(actor: Actor, chosen: readonly number[] = []): Promise<IncentiveChoice[]> {
    requireStaff(actor);
    const scope = staffScope(actor);
    const today = shanghaiDate(this.clock.now());
    const columns = `SELECT i.id, i.title, i.kind, p.title AS policy_title, p.region_code, p.status, coalesce(p.valid_to < $1::date, false) AS expired
      FROM incentive i JOIN policy p ON p.id = i.policy_id`;
    const current = `(p.valid_to IS NULL OR p.valid_to >= $1::date OR i.id = ANY($2::int[]))`;
    const rows: Array<{
      id: number;
      title: string;
      kind: string;
      policy_title: string;
      region_code: string;
      status: string;
      expired: boolean;
    }> = scope
      ? await this.dataSource.query(
          `${columns}
           WHERE ((p.status = 'published' AND (p.region_code = ANY($3::char(6)[]) OR p.region_path @> $4::char(6)[])) OR p.region_path @> $4::char(6)[])
             AND ${current}
           ORDER BY p.region_code, p.id, i.id LIMIT 300`,
          [today, chosen, [...regions().path(scope)], [scope]],
        )
      : await this.dataSource.query(`${columns} WHERE ${current} ORDER BY p.region_code, p.id, i.id LIMIT 300`, [today, chosen]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      policyTitle: r.policy_title,
      regionCode: r.region_code,
      draft: r.status !== 'published',
      expired: r.expired,
    }));
  }
}
