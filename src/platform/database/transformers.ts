import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL bigint arrives as a string. Money is kept in whole yuan (see README), which stays
 * exact in a JS number up to Number.MAX_SAFE_INTEGER (≈ 9×10¹⁵ yuan); inputs are validated below that.
 */
export const bigintToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? v : Number(v)),
};

/** numeric(p,s) columns (areas in 亩) arrive as strings; they are measurements, not money. */
export const numericToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? v : Number(v)),
};
