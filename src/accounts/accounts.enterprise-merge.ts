import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/** Accounts' part of merging two enterprise records: the loser's users now sign in to the winner. */
@Injectable()
export class AccountsEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.accounts, tables: ['app_user'] })
  async moveUsers(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    const [, n] = await m.query(`UPDATE app_user SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.app_user = Number(n ?? 0);
  }
}
