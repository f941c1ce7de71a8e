import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/** Chains' part of merging two enterprise records: a 链主 that was the loser is the winner (once, in its place). */
@Injectable()
export class ChainsEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.chains, tables: ['chain'] })
  async moveAnchors(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    await m.query(
      `UPDATE chain SET anchor_enterprise_ids = ARRAY(
         SELECT x FROM unnest(array_replace(anchor_enterprise_ids, $2, $1)) WITH ORDINALITY AS u(x, i) GROUP BY x ORDER BY min(i))
        WHERE $2 = ANY(anchor_enterprise_ids)`,
      [merge.winnerId, merge.loserId],
    );
  }
}
