import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/** News' part of merging two enterprise records: which articles reached the enterprise (the winner's row kept where both have one). */
@Injectable()
export class NewsEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.news, tables: ['article_delivery'] })
  async moveDeliveries(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    await m.query(
      `DELETE FROM article_delivery l WHERE l.enterprise_id = $2 AND EXISTS (SELECT 1 FROM article_delivery w WHERE w.enterprise_id = $1 AND w.article_id = l.article_id)`,
      [merge.winnerId, merge.loserId],
    );
    await m.query(`UPDATE article_delivery SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
  }
}
