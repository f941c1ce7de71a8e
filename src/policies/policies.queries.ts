import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireStaff, staffScope } from '../auth/access.js';
import type { Actor } from '../auth/actor.js';
import { regions } from '../reference/regions.js';

export interface IncentiveChoice {
  id: number;
  title: string;
  kind: string;
  policyTitle: string;
  regionCode: string;
  draft: boolean;
}

/** Read models of policies and incentives that pages need. */
@Injectable()
export class PoliciesQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Published policies and their incentives (the home page's figures). */
  async publishedCounts(): Promise<{ policies: number; incentives: number }> {
    const [r]: Array<{ policies: number; incentives: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM policy WHERE status = 'published')::int AS policies,
              (SELECT count(*) FROM incentive i JOIN policy p ON p.id = i.policy_id WHERE p.status = 'published')::int AS incentives`,
    );
    return r;
  }

  /** Incentives an officer may attach to a project: published ones applying in their scope, and drafts inside it. */
  async incentiveChoices(actor: Actor): Promise<IncentiveChoice[]> {
    requireStaff(actor);
    const scope = staffScope(actor);
    const columns = `SELECT i.id, i.title, i.kind, p.title AS policy_title, p.region_code, p.status FROM incentive i JOIN policy p ON p.id = i.policy_id`;
    const rows: Array<{ id: number; title: string; kind: string; policy_title: string; region_code: string; status: string }> = scope
      ? await this.dataSource.query(
          `${columns}
           WHERE (p.status = 'published' AND (p.region_code = ANY($1::char(6)[]) OR p.region_path @> $2::char(6)[])) OR p.region_path @> $2::char(6)[]
           ORDER BY p.region_code, p.id, i.id LIMIT 300`,
          [[...regions().path(scope)], [scope]],
        )
      : await this.dataSource.query(`${columns} ORDER BY p.region_code, p.id, i.id LIMIT 300`);
    return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, policyTitle: r.policy_title, regionCode: r.region_code, draft: r.status !== 'published' }));
  }
}
