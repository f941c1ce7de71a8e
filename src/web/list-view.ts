import type { QueryValue } from './view/format.js';
import { field, type FormBody } from './forms/form-input.js';

/**
 * The one way a console list pages and sorts: `?page=`, `?pageSize=` (one of PAGE_SIZES) and
 * `?order=key|-key` (the list's own sortable columns, see orderParam) read from the URL by
 * listState, handed to the service as strings by listQuery, and rendered by the `pager` and
 * `sort-th` partials from the model listModel builds. Bad values fall back to the defaults rather
 * than failing a page (a URL is not a form).
 */

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface ListState {
  page: number;
  pageSize: number;
  /** '' for the list's default order. */
  order: string;
  /** The list's default page size (left out of links). */
  defaultSize: number;
}

export function listState(q: FormBody, opts: { orders?: readonly string[]; pageSize?: number } = {}): ListState {
  const defaultSize = opts.pageSize ?? 20;
  const n = Number(field(q, 'page'));
  const size = Number(field(q, 'pageSize'));
  const order = field(q, 'order');
  return {
    page: Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : defaultSize,
    order: opts.orders?.includes(order.replace(/^-/, '')) ? order : '',
    defaultSize,
  };
}

/** The state as list query strings for the API's schemas (order only when chosen). */
export const listQuery = (s: ListState) => ({
  page: String(s.page),
  pageSize: String(s.pageSize),
  ...(s.order ? { order: s.order } : {}),
});

/** What the pager and the sortable headers render: where the list lives, its filters, its page. */
export interface ListModel {
  base: string;
  /** The list's filters (kept by every page, size and sort link). */
  params: Record<string, QueryValue>;
  total: number;
  page: number;
  pageSize: number;
  order: string;
  defaultSize: number;
  sizes: readonly number[];
}

export function listModel(
  base: string,
  params: Record<string, QueryValue>,
  result: { total: number; page: number; pageSize: number },
  state?: Partial<ListState>,
): ListModel {
  return {
    base,
    params,
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    order: state?.order ?? '',
    defaultSize: state?.defaultSize ?? result.pageSize,
    // a page size to choose only where the controller reads it (it handed its listState)
    sizes: state?.defaultSize ? PAGE_SIZES : [],
  };
}

/** The query of a link to `changes` on this list (default size and order left out). */
export function listLink(list: ListModel, changes: { page?: number; pageSize?: number; order?: string }): Record<string, QueryValue> {
  const pageSize = changes.pageSize ?? list.pageSize;
  const order = changes.order ?? list.order;
  const page = changes.page ?? list.page;
  return {
    ...list.params,
    order: order || undefined,
    pageSize: pageSize === list.defaultSize ? undefined : pageSize,
    page: page === 1 ? undefined : page,
  };
}

/** The page numbers to offer: the first, the last, two either side of the current; null marks a gap (…). */
export function pageNumbers(page: number, pages: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** A sortable header: the link's order (ascending first, then descending) and the aria-sort it shows now. */
export function sortHeader(
  list: ListModel,
  key: string,
  firstDesc = false,
): { order: string; ariaSort: 'ascending' | 'descending' | null } {
  const now = list.order === key ? 'ascending' : list.order === `-${key}` ? 'descending' : null;
  const order = now === 'ascending' ? `-${key}` : now === 'descending' ? key : firstDesc ? `-${key}` : key;
  return { order, ariaSort: now };
}
