import type { Actor } from '../access/actor.js';
import { tsQuery } from '../platform/database/search.js';
import { validationFailed } from '../platform/http/problem.js';
import { effectiveRegion, levelColumn } from '../access/region-scope.js';
import type { LeadFilters, LeadSort, leadOrders } from './lead.schemas.js';
import { OPEN_STAGES } from './lead.vocabulary.js';

/** A WHERE clause with positional parameters. */
export interface SqlWhere {
  where: string[];
  params: unknown[];
  /** Nothing can match (e.g. a text query without a searchable word). */
  empty: boolean;
}

export const param = (w: SqlWhere, v: unknown) => {
  w.params.push(v);
  return `$${w.params.length}`;
};

/**
 * The filters of the lead list (and its export), applied inside the caller's scope: staff see
 * their bureau's region subtree, enterprise users their own enterprise's leads. The region
 * condition is one equality on the column of the region's level, which leads the list index.
 */
export function leadWhere(actor: Actor, f: LeadFilters, today: string): SqlWhere {
  const w: SqlWhere = { where: [], params: [], empty: false };
  if (actor.role === 'enterprise') {
    w.where.push(`l.enterprise_id = ${param(w, actor.enterpriseId ?? 0)}`);
    if (f.region) w.where.push(`${levelColumn(f.region)} = ${param(w, f.region)}`);
  } else {
    const region = effectiveRegion(actor, f.region);
    if (region) w.where.push(`${levelColumn(region)} = ${param(w, region)}`);
  }
  if (f.stage) w.where.push(`l.stage = ANY(${param(w, f.stage)}::varchar[])`);
  if (f.owner === 'me') w.where.push(`l.owner_id = ${param(w, actor.userId)}`);
  else if (f.owner === 'none') w.where.push(`l.owner_id IS NULL`);
  else if (typeof f.owner === 'number') w.where.push(`l.owner_id = ${param(w, f.owner)}`);
  if (f.industry) w.where.push(`l.industry_path && ${param(w, f.industry)}::varchar[]`);
  if (f.source) w.where.push(`l.source = ANY(${param(w, f.source)}::varchar[])`);
  if (f.followUpDue === true) {
    // the open stages as constants, so a plan (also a generic one) can use the partial follow-up index
    w.where.push(`l.next_follow_up_on <= ${param(w, today)}::date AND l.stage IN (${OPEN_STAGES.map((st) => `'${st}'`).join(', ')})`);
  } else if (f.followUpDue === false) {
    w.where.push(`(l.next_follow_up_on IS NULL OR l.next_follow_up_on > ${param(w, today)}::date)`);
  }
  if (f.overdue === true) w.where.push(`l.next_follow_up_on < ${param(w, today)}::date AND l.stage IN ('new', 'contacted', 'negotiating')`);
  if (f.dueToday === true)
    w.where.push(`l.next_follow_up_on = ${param(w, today)}::date AND l.stage IN ('new', 'contacted', 'negotiating')`);
  if (f.enterpriseId) w.where.push(`l.enterprise_id = ${param(w, f.enterpriseId)}`);
  if (f.projectId) w.where.push(`l.project_id = ${param(w, f.projectId)}`);
  if (f.q) {
    const tsq = tsQuery(f.q);
    if (!tsq) w.empty = true;
    else w.where.push(`to_tsvector('simple', l.search_text) @@ to_tsquery('simple', ${param(w, tsq)})`);
  }
  return w;
}

/** ORDER BY of each sort; every order ends with the id, so pages are stable. */
export const ORDER: Record<LeadSort, string> = {
  recent: 'l.last_activity_at DESC, l.id DESC',
  followUp: 'l.next_follow_up_on ASC NULLS LAST, l.id ASC',
  created: 'l.id DESC',
};

/** The list view's sortable columns (`order`), over a page's rows aliased `l`. */
export const LEAD_ORDER_SQL: Record<(typeof leadOrders)[number], string> = {
  enterprise: '(SELECT e.name FROM enterprise e WHERE e.id = l.enterprise_id)',
  stage: `array_position(ARRAY['new','contacted','negotiating','signed','started','producing','lost']::varchar[], l.stage::varchar)`,
  owner: '(SELECT u.name FROM app_user u WHERE u.id = l.owner_id)',
  source: 'l.source',
  followUp: 'l.next_follow_up_on',
  lastActivity: 'l.last_activity_at',
  createdAt: 'l.created_at',
  expected: 'l.expected_investment_yuan',
};

/** The text of each sort's key, as stored in a cursor. */
export const SORT_KEY: Record<LeadSort, string> = {
  recent: 'l.last_activity_at::text',
  followUp: 'l.next_follow_up_on::text',
  created: 'NULL::text',
};

interface Cursor {
  s: LeadSort;
  k: string | null;
  i: number;
}

export function encodeCursor(sort: LeadSort, key: string | null, id: number): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key, i: id } satisfies Cursor)).toString('base64url');
}

const badCursor = () => validationFailed([{ field: 'cursor', code: 'invalid_cursor', message: '翻页标记无效，请从第一页重新开始' }]);

/** Adds "after the cursor" to the WHERE (keyset paging). */
export function applyCursor(w: SqlWhere, sort: LeadSort, cursor: string): void {
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw badCursor();
  }
  if (!c || c.s !== sort || !Number.isSafeInteger(c.i) || (c.k !== null && typeof c.k !== 'string')) throw badCursor();
  if (sort === 'recent') {
    if (c.k === null || Number.isNaN(Date.parse(c.k))) throw badCursor();
    w.where.push(`(l.last_activity_at, l.id) < (${param(w, c.k)}::timestamptz, ${param(w, c.i)}::int)`);
  } else if (sort === 'created') {
    w.where.push(`l.id < ${param(w, c.i)}::int`);
  } else if (c.k === null) {
    w.where.push(`(l.next_follow_up_on IS NULL AND l.id > ${param(w, c.i)}::int)`);
  } else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.k)) throw badCursor();
    const d = param(w, c.k);
    w.where.push(
      `(l.next_follow_up_on > ${d}::date OR (l.next_follow_up_on = ${d}::date AND l.id > ${param(w, c.i)}::int) OR l.next_follow_up_on IS NULL)`,
    );
  }
}

export const whereSql = (w: SqlWhere) => (w.where.length ? `WHERE ${w.where.join(' AND ')}` : '');

/**
 * The total of a list from the trigger-kept counts (lead_count), when its filters are only the
 * ones those counts are kept by: the caller's region subtree, stage, owner and source. Null for
 * any other filter (industry, follow-up, text, an enterprise's own leads …): then the list counts
 * its rows, up to a cap. Parameters are appended to `w` (the statement shares them).
 */
export function countFromCounters(actor: Actor, f: LeadFilters, w: SqlWhere): string | null {
  if (
    actor.role === 'enterprise' ||
    f.industry ||
    f.followUpDue !== undefined ||
    f.overdue !== undefined ||
    f.dueToday !== undefined ||
    f.enterpriseId ||
    f.projectId ||
    f.q
  )
    return null;
  const where: string[] = [];
  const region = effectiveRegion(actor, f.region);
  if (region) where.push(`${levelColumn(region, 'c')} = ${param(w, region)}`);
  if (f.stage) where.push(`c.stage = ANY(${param(w, f.stage)}::varchar[])`);
  if (f.owner === 'me') where.push(`c.owner_key = ${param(w, actor.userId)}`);
  else if (f.owner === 'none') where.push(`c.owner_key = 0`);
  else if (typeof f.owner === 'number') where.push(`c.owner_key = ${param(w, f.owner)}`);
  if (f.source) where.push(`c.source = ANY(${param(w, f.source)}::varchar[])`);
  return `SELECT coalesce(sum(c.n), 0)::int AS n FROM lead_count c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}
