import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` — every list endpoint is paged; pageSize is capped. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function toPage<T>(items: T[], total: number, q: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

/** A list query parameter given as `a,b` or repeated (`?x=a&x=b`); at most `max` items. */
export const listParam = <T extends z.ZodType>(item: T, max = 20) =>
  z.preprocess(
    (v) =>
      v === undefined || v === ''
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).min(1).max(max).optional(),
  );

/** `true`/`false` query flags. */
export const boolParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * `?order=key` (ascending) or `?order=-key` (descending): one of a list's sortable columns. Every
 * list that sorts by column takes this parameter; the service maps each key to its SQL (orderSql).
 */
export const orderParam = <K extends string>(keys: readonly [K, ...K[]]) =>
  z
    .string()
    .refine((v) => (keys as readonly string[]).includes(v.replace(/^-/, '')), {
      message: `排序只能是 ${keys.join('、')} 之一（前加 - 为降序）`,
    })
    .optional();

/** The ORDER BY of an `order` value over a list's columns (key → SQL expression), or null for the list's default. */
export function orderSql(order: string | undefined, columns: Record<string, string>): { expr: string; dir: 'ASC' | 'DESC' } | null {
  if (!order) return null;
  const desc = order.startsWith('-');
  const expr = columns[desc ? order.slice(1) : order];
  return expr ? { expr, dir: desc ? 'DESC' : 'ASC' } : null;
}
