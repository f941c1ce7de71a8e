import { z } from 'zod';

/**
 * Ids are PostgreSQL \`integer\` columns: 1 … 2³¹−1. A larger number names nothing (and PostgreSQL
 * refuses to compare it with an integer column), so it is answered like any unknown id.
 */
export const MAX_DB_ID = 2 ** 31 - 1;
export const isDbId = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_DB_ID;
/** An id in a body or query: a 400 naming the field when it is not 1 … 2³¹−1. */
export const dbId = z.number().int().min(1).max(MAX_DB_ID);
export const dbIdQuery = z.coerce.number().int().min(1).max(MAX_DB_ID);

/** Whole yuan, 0 … 1 万亿元 (anything larger is a typo, not an investment). */
export const MAX_YUAN = 1_000_000_000_000;
export const yuan = z.number().int('金额应为整数（单位：元）').min(0).max(MAX_YUAN, '金额不能超过 1 万亿元');

/** Land in 亩, two decimals at most, up to 10 万亩. */
export const mu = z
  .number()
  .min(0)
  .max(100_000, '面积不能超过 10 万亩')
  .refine((v) => Math.round(v * 100) === v * 100 || Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '面积最多两位小数');

/** Trimmed text with a length cap; empty after trimming is refused when required. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** YYYY-MM-DD that is a real date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效的日期');

export const phone = z
  .string()
  .trim()
  .regex(/^(\+?\d{1,4}[- ]?)?(\d{3,4}[- ]?)?\d{7,8}$|^1[3-9]\d{9}$/, '不是有效的电话号码');

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
