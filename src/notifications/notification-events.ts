import type { EntityManager } from 'typeorm';

/**
 * How other modules record something that may deserve a message: the notifications module owns
 * the `notification_event` table and these are its only writers outside it. Each event is written
 * in the caller's transaction, with its cause. The `…Sql` builders return a data-modifying CTE
 * body for the hot paths (matching writes thousands of matches per statement); the SQL stays in
 * this module, the caller only names the CTE that holds the rows.
 */

/** A match event per row of `source` (columns id, enterprise_id, project_id, score, created, announced) that is new or announced. */
export const matchEventsSql = (source: string) => `
  INSERT INTO notification_event (type, enterprise_id, project_id, match_id, score)
  SELECT CASE WHEN created THEN 'match.new' ELSE 'match.improved' END, enterprise_id, project_id, id, score
  FROM ${source} WHERE created OR announced
  RETURNING 1`;

/** An `incentive.granted` event per row of `source` (columns enterprise_id, incentive_id, granted) that was granted now. */
export const incentiveGrantedEventsSql = (source: string) => `
  INSERT INTO notification_event (type, enterprise_id, incentive_id)
  SELECT 'incentive.granted', enterprise_id, incentive_id FROM ${source} WHERE granted
  RETURNING 1`;

/** The enterprise said 感兴趣 to a match. */
export async function recordMatchInterest(
  m: EntityManager,
  match: { id: number; enterpriseId: number; projectId: number; score: number },
): Promise<void> {
  await m.query(
    `INSERT INTO notification_event (type, enterprise_id, project_id, match_id, score) VALUES ('match.interested', $1, $2, $3, $4)`,
    [match.enterpriseId, match.projectId, match.id, match.score],
  );
}
