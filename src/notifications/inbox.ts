import type { EntityManager } from 'typeorm';
import type { InboxKind } from './inbox.vocabulary.js';

/** One in-app message for one or more users. */
export interface InboxInput {
  userIds: readonly number[];
  kind: InboxKind;
  title: string;
  body?: string;
  /** A path inside the site. */
  link: string;
  /** The occurrence (per user): the same key is written once, so a retried cause adds nothing. */
  dedupeKey: string;
}

/**
 * How other modules put a message in someone's 消息中心: the notifications module owns the
 * `inbox_message` table and this is its only writer outside it — in the caller's transaction,
 * beside the change that causes it. Inactive users get nothing. Returns how many rows were new.
 */
export async function notifyInApp(m: EntityManager, inputs: readonly InboxInput[]): Promise<number> {
  const rows = inputs.flatMap((i) =>
    [...new Set(i.userIds)].map(
      (u) => [u, i.kind, i.title.slice(0, 200), (i.body ?? '').slice(0, 500), i.link.slice(0, 300), i.dedupeKey.slice(0, 120)] as const,
    ),
  );
  if (!rows.length) return 0;
  const cols = [0, 1, 2, 3, 4, 5].map((c) => rows.map((r) => r[c]));
  const inserted: unknown[] = await m.query(
    `INSERT INTO inbox_message (user_id, kind, title, body, link, dedupe_key)
     SELECT v.user_id, v.kind, v.title, v.body, v.link, v.dedupe_key
     FROM unnest($1::int[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[]) AS v(user_id, kind, title, body, link, dedupe_key)
     JOIN app_user u ON u.id = v.user_id AND u.active
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     RETURNING 1`,
    cols,
  );
  return inserted.length;
}

/** The enterprise's active accounts (for messages to an enterprise). */
export async function enterpriseUserIds(m: EntityManager, enterpriseId: number): Promise<number[]> {
  const rows: Array<{ id: number }> = await m.query(`SELECT id FROM app_user WHERE enterprise_id = $1 AND active AND role = 'enterprise'`, [
    enterpriseId,
  ]);
  return rows.map((r) => r.id);
}

/**
 * In-app messages for a batch of claimed notification events (the event processor's transaction):
 * a new or better match → each active account of the enterprise, linking to the match.
 */
export const matchInboxSql = `
  INSERT INTO inbox_message (user_id, kind, title, body, link, dedupe_key)
  SELECT u.id, 'match', left('新的匹配：' || p.title, 200),
         CASE WHEN ev.type = 'match.improved' THEN '匹配度明显提高，' ELSE '' END || '匹配度 ' || coalesce(ev.score, 0) || ' 分',
         '/portal/matches/' || ev.match_id, 'ev:' || ev.id
  FROM notification_event ev
  JOIN project p ON p.id = ev.project_id
  JOIN app_user u ON u.enterprise_id = ev.enterprise_id AND u.active AND u.role = 'enterprise'
  WHERE ev.id = ANY($1::bigint[]) AND ev.type IN ('match.new', 'match.improved') AND ev.match_id IS NOT NULL
  ON CONFLICT (user_id, dedupe_key) DO NOTHING`;
