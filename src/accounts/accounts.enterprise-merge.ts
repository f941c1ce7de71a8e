import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/** Accounts' part of merging two enterprise records: the loser's users now sign in to the winner, its 认领 requests concern the winner. */
@Injectable()
export class AccountsEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.accounts, tables: ['app_user', 'enterprise_claim'] })
  async moveUsers(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    const [, n] = await m.query(`UPDATE app_user SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.app_user = Number(n ?? 0);
    // a pending claim of the same address on both records keeps the winner's (one pending claim per enterprise and address)
    await m.query(
      `DELETE FROM enterprise_claim l USING enterprise_claim w
        WHERE l.enterprise_id = $2 AND w.enterprise_id = $1 AND l.status = 'pending' AND w.status = 'pending' AND l.email = w.email`,
      [merge.winnerId, merge.loserId],
    );
    const [, c] = await m.query(`UPDATE enterprise_claim SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.enterprise_claim = Number(c ?? 0);
  }
}
