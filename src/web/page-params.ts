import { isStaff, type Actor } from '../access/actor.js';
import { notFound } from '../platform/http/problem.js';
import { isDbId } from '../platform/validation/common.js';
import type { FormBody } from './forms/form-input.js';
import { listState } from './list-view.js';

/** Helpers every page controller shares: ids and page numbers from a URL, where a signed-in user starts. */

/** A positive page number from the query (bad values fall back to 1 rather than failing a page): listState's rule. */
export const pageNo = (q: FormBody) => listState(q).page;

/** A numeric id from a path segment, or a 404 page (never a 400: a URL is not a form). */
export function idOf(raw: string, what: string): number {
  const n = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !isDbId(n)) throw notFound(what);
  return n;
}

/** Where a signed-in user starts: the portal for enterprises, the console for staff. */
export const homeOf = (actor: Pick<Actor, 'role'> | null | undefined) =>
  actor?.role === 'enterprise' ? '/portal/matches' : isStaff(actor as Actor | null) ? '/console' : '/';
