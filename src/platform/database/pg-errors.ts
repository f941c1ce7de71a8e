/** PostgreSQL SQLSTATE codes the application reacts to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

export interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
}

export function pgError(e: unknown): PgError | undefined {
  const d = (e as { driverError?: PgError })?.driverError ?? (e as PgError);
  return d && typeof d.code === 'string' && /^[0-9A-Z]{5}$/.test(d.code) ? d : undefined;
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const p = pgError(e);
  return p?.code === PG_UNIQUE_VIOLATION && (!constraint || p.constraint === constraint);
}
