import type { EntityManager } from 'typeorm';

/**
 * Changes to a match's status caused by other modules: the matching module owns the `match`
 * table, and these are the only writes to it from outside (leads convert an interest into a lead,
 * notifications report what the enterprise was told).
 */

/** The match became a lead (the caller's transaction, with the lead's insert). */
export async function markMatchConverted(m: EntityManager, matchId: number, at: Date): Promise<void> {
  await m.query(`UPDATE match SET status = 'converted', status_changed_at = $2 WHERE id = $1`, [matchId, at]);
}

/** The enterprise was told these scores (status new › notified); rows locked in id order. */
export async function markMatchesNotified(
  db: Pick<EntityManager, 'query'>,
  told: ReadonlyArray<{ matchId: number; score: number }>,
): Promise<void> {
  if (!told.length) return;
  await db.query(
    `WITH told AS (
       SELECT * FROM unnest($1::bigint[], $2::smallint[]) AS t(match_id, score)
     ), locked AS (
       SELECT m.id FROM match m JOIN told ON told.match_id = m.id ORDER BY m.id FOR UPDATE OF m
     )
     UPDATE match m SET notified_score = told.score,
       status = CASE WHEN m.status = 'new' THEN 'notified' ELSE m.status END,
       status_changed_at = CASE WHEN m.status = 'new' THEN now() ELSE m.status_changed_at END
     FROM told, locked WHERE m.id = told.match_id AND locked.id = m.id`,
    [told.map((t) => t.matchId), told.map((t) => t.score)],
  );
}
