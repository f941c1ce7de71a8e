import { z } from 'zod';
import { industries } from './industries.js';
import { regions } from './regions.js';

/** A GB/T 2260 code that exists in the region table. */
export const regionCode = z
  .string()
  .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
  .refine((c) => regions().has(c), { message: '未知的行政区划代码' });

/** A GB/T 4754-2017 code at any level (C, C13, C135, C1351) that exists in the industry table. */
export const industryCode = z
  .string()
  .transform((c) => c.trim().toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-T](\d{2,4})?$/, '行业代码应为门类字母加 2–4 位数字，如 C13、C1351')
      .refine((c) => industries().has(c), { message: '未知的行业代码' }),
  );

/** A list of distinct codes. */
export const distinct = <T extends z.ZodType<string>>(item: T, max: number, min = 0) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .transform((xs) => [...new Set(xs)] as z.output<T>[]);
