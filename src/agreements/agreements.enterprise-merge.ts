import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/** Agreements' part of merging two enterprise records: the loser's agreements are the winner's. */
@Injectable()
export class AgreementsEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.agreements, tables: ['agreement'] })
  async moveAgreements(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    const [, n] = await m.query(`UPDATE agreement SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.agreement = Number(n ?? 0);
  }
}
