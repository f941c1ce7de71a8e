import { matchEventsSql } from '../notifications/notification-events.js';
import type { EntityManager } from 'typeorm';
import { copyIn } from '../platform/database/copy-in.js';
import type { Evaluation, ProjectProfile } from './scoring/score.js';

/**
 * Writes computed matches: one statement per batch inserts new pairs and updates changed ones
 * (never an unchanged one: the fingerprint decides), and in the same statement — so in the same
 * transaction — writes the notification events: `match.new` for a new pair, `match.improved` when
 * the score rose materially over what was last announced (a dismissed match resurfaces only
 * then). A computation never overwrites one made from newer data (`basis_at`).
 *
 * The batch travels by COPY into a staging table of the transaction (a TEMP table, ON COMMIT DROP)
 * and is merged from there by that one statement. The benchmark (bench:matching, writePaths) times
 * it against the batch as one JSON document read by json_to_recordset (the path before) and as
 * column arrays read by unnest (matchColumns / MATCH_INPUT below, kept for that comparison): on the
 * loaded 2-core machine of 2026-12-08 COPY + merge cost PostgreSQL 24 CPU-s per million matches
 * against 39 for JSON (the same 30,000 rows with their events, three alternations), so COPY it is.
 * The staging table lives only inside the writing transaction: a worker killed mid-COPY leaves a
 * rolled-back transaction and no table behind, and nothing outlives the transaction for a
 * transaction-mode pooler (PgBouncer) to hand to another client.
 */
export interface MatchRow {
  enterpriseId: number;
  projectId: number;
  score: number;
  /** the stored explanation (ProjectProfile.verdict) */
  verdict: Buffer;
  eligibleIncentiveIds: readonly number[];
  needsInfoIncentiveIds: readonly number[];
  fingerprint: number;
}

/** The row of an evaluation (what the jobs write). */
export function matchRow(profile: ProjectProfile, ev: Evaluation, enterpriseId: number, projectId: number): MatchRow {
  return {
    enterpriseId,
    projectId,
    score: ev.score,
    verdict: profile.verdict(ev),
    eligibleIncentiveIds: ev.eligibleIncentiveIds,
    needsInfoIncentiveIds: ev.needsInfoIncentiveIds,
    fingerprint: ev.fingerprint,
  };
}

/** A row in COPY's text format (integers, hex bytea, integer arrays: nothing to escape); NULL for no incentive ids. */
const rowTsv = (r: MatchRow) =>
  `${r.enterpriseId}\t${r.projectId}\t${r.score}\t\\\\x${r.verdict.toString('hex')}\t${r.eligibleIncentiveIds.length ? `{${r.eligibleIncentiveIds.join(',')}}` : '\\N'}\t${r.needsInfoIncentiveIds.length ? `{${r.needsInfoIncentiveIds.join(',')}}` : '\\N'}\t${r.fingerprint}\n`;

/** The rows as COPY text: e, p, s, v, el, ni, f. */
export function matchRowsTsv(rows: readonly MatchRow[]): string {
  let tsv = '';
  for (const r of rows) tsv += rowTsv(r);
  return tsv;
}

const STAGE = `CREATE TEMP TABLE match_stage (e int, p int, s smallint, v bytea, el int[], ni int[], f int) ON COMMIT DROP`;

export interface WriteStats {
  written: number;
  events: number;
}

/** (Measured alternative, benchmark only) a batch as column arrays: $1 enterprise, $2 project, $3 score, $4 verdict, $5/$6 incentive ids (array literals, NULL when none), $7 fingerprint. */
export function matchColumns(rows: readonly MatchRow[]): unknown[] {
  const n = rows.length;
  const e = new Array<number>(n);
  const p = new Array<number>(n);
  const s = new Array<number>(n);
  const v = new Array<Buffer>(n);
  const el = new Array<string | null>(n);
  const ni = new Array<string | null>(n);
  const f = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    e[i] = r.enterpriseId;
    p[i] = r.projectId;
    s[i] = r.score;
    v[i] = r.verdict;
    el[i] = r.eligibleIncentiveIds.length ? `{${r.eligibleIncentiveIds.join(',')}}` : null;
    ni[i] = r.needsInfoIncentiveIds.length ? `{${r.needsInfoIncentiveIds.join(',')}}` : null;
    f[i] = r.fingerprint;
  }
  return [e, p, s, v, el, ni, f];
}

/** The batch's rows, from the parameters of matchColumns. */
export const MATCH_INPUT = `SELECT e, p, s, v, el::int[] AS el, ni::int[] AS ni, f
  FROM unnest($1::int[], $2::int[], $3::smallint[], $4::bytea[], $5::text[], $6::text[], $7::int[]) AS x(e, p, s, v, el, ni, f)`;

const ANNOUNCE = `(
  (m.status = 'dismissed' AND EXCLUDED.score >= coalesce(m.dismissed_score, m.score) + $2)
  OR (m.status IN ('new', 'notified', 'viewed') AND EXCLUDED.score >= greatest(coalesce(m.announced_score, m.score), coalesce(m.notified_score, 0)) + $2)
)`;
const RESURFACE = `(m.status = 'dismissed' AND EXCLUDED.score >= coalesce(m.dismissed_score, m.score) + $2)`;

export const UPSERT = `
WITH input AS (
  SELECT e, p, s, v, el, ni, f FROM match_stage
), up AS (
  INSERT INTO match AS m (enterprise_id, project_id, score, verdict, eligible_incentive_ids, needs_info_incentive_ids,
                          fingerprint, basis_at, computed_at, announced_score, announced_at)
  SELECT e, p, s, v, el, ni, f, $1::timestamptz, now(), s, now() FROM input
  ON CONFLICT (enterprise_id, project_id) DO UPDATE SET
    score = EXCLUDED.score,
    verdict = EXCLUDED.verdict,
    eligible_incentive_ids = EXCLUDED.eligible_incentive_ids,
    needs_info_incentive_ids = EXCLUDED.needs_info_incentive_ids,
    fingerprint = EXCLUDED.fingerprint,
    basis_at = EXCLUDED.basis_at,
    computed_at = now(),
    updated_at = now(),
    withdrawn_at = NULL,
    status = CASE WHEN ${RESURFACE} THEN 'new' ELSE m.status END,
    status_changed_at = CASE WHEN ${RESURFACE} THEN now() ELSE m.status_changed_at END,
    dismissed_score = CASE WHEN ${RESURFACE} THEN NULL ELSE m.dismissed_score END,
    announced_score = CASE WHEN ${ANNOUNCE} THEN EXCLUDED.score ELSE m.announced_score END,
    announced_at = CASE WHEN ${ANNOUNCE} THEN now() ELSE m.announced_at END
  WHERE (m.fingerprint <> EXCLUDED.fingerprint OR m.withdrawn_at IS NOT NULL) AND m.basis_at <= EXCLUDED.basis_at
  RETURNING m.id, m.enterprise_id, m.project_id, m.score, m.created_at = now() AS created, m.announced_at = now() AS announced
), ev AS (${matchEventsSql('up')}
)
SELECT (SELECT count(*) FROM up)::int AS written, (SELECT count(*) FROM ev)::int AS events`;

/** Upserts one batch (the caller's transaction). */
export async function upsertMatches(
  m: EntityManager,
  rows: readonly MatchRow[],
  basis: string,
  materialDelta: number,
): Promise<WriteStats> {
  if (!rows.length) return { written: 0, events: 0 };
  await m.query(STAGE);
  await copyIn(m, 'COPY match_stage FROM STDIN', matchRowsTsv(rows));
  const [stats] = await m.query(UPSERT, [basis, materialDelta]);
  await m.query('DROP TABLE match_stage'); // a second batch in the same transaction stages afresh
  return stats as WriteStats;
}

/** Marks pairs that no longer match as withdrawn (unless a newer computation has touched them). */
export async function withdrawMatches(m: EntityManager, pairs: ReadonlyArray<readonly [number, number]>, basis: string): Promise<number> {
  if (!pairs.length) return 0;
  const res: Array<{ n: number }> = await m.query(
    `WITH w AS (
       UPDATE match SET withdrawn_at = now(), updated_at = now(), basis_at = $3::timestamptz
       WHERE (enterprise_id, project_id) IN (SELECT * FROM unnest($1::int[], $2::int[])) AND withdrawn_at IS NULL AND basis_at < $3::timestamptz
       RETURNING 1)
     SELECT count(*)::int AS n FROM w`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), basis],
  );
  return res[0].n;
}
