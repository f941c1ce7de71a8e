import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/** How far a match went: the one further along stays when both records matched the same project. */
const RANK = `CASE status WHEN 'converted' THEN 6 WHEN 'interested' THEN 5 WHEN 'viewed' THEN 4 WHEN 'notified' THEN 3 WHEN 'new' THEN 2 ELSE 1 END`;

/**
 * Matching's part of merging two enterprise records: every match moves to the winner; where both
 * matched the same project one stays — the one further along (converted › interested › viewed ›
 * notified › new › dismissed), then the higher score, then the winner's — and the other's id is
 * remapped for leads and notifications before it is dropped (last step). Incentive eligibility
 * rows move too (the winner's kept where both have one; the winner is re-matched anyway).
 */
@Injectable()
export class MatchingEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.matches, tables: ['match', 'enterprise_incentive'] })
  async planMatches(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    const pairs: Array<{ w_id: string; l_id: string; keep_loser: boolean }> = await m.query(
      `SELECT w.id AS w_id, l.id AS l_id,
              ((${RANK.replaceAll('status', 'l.status')}), l.score) > ((${RANK.replaceAll('status', 'w.status')}), w.score) AS keep_loser
         FROM match w JOIN match l ON l.project_id = w.project_id
        WHERE w.enterprise_id = $1 AND l.enterprise_id = $2 FOR UPDATE OF w, l`,
      [merge.winnerId, merge.loserId],
    );
    for (const p of pairs) {
      if (p.keep_loser) merge.matchRemap.set(Number(p.w_id), Number(p.l_id));
      else merge.matchRemap.set(Number(p.l_id), Number(p.w_id));
    }
    const [, moved] = await m.query(
      `UPDATE match SET enterprise_id = $1 WHERE enterprise_id = $2 AND project_id NOT IN (SELECT project_id FROM match WHERE enterprise_id = $1)`,
      [merge.winnerId, merge.loserId],
    );
    merge.moved.match = Number(moved ?? 0);
  }

  @OnEnterpriseMerge({ order: MERGE_ORDER.matchesCleanup, tables: [] })
  async dropMatches(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    const dropped = [...merge.matchRemap.keys()];
    if (dropped.length) await m.query(`DELETE FROM match WHERE id = ANY($1::bigint[])`, [dropped]);
    const [, kept] = await m.query(`UPDATE match SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.match = (merge.moved.match ?? 0) + Number(kept ?? 0);
    merge.moved.matchDropped = dropped.length;
    await m.query(
      `DELETE FROM enterprise_incentive l WHERE l.enterprise_id = $2 AND EXISTS (SELECT 1 FROM enterprise_incentive w WHERE w.enterprise_id = $1 AND w.incentive_id = l.incentive_id)`,
      [merge.winnerId, merge.loserId],
    );
    await m.query(`UPDATE enterprise_incentive SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
  }
}
