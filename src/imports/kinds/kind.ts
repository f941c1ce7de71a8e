import type { EntityManager } from 'typeorm';
import type { Actor } from '../../access/actor.js';
import type { FieldError } from '../../platform/http/problem.js';
import type { ImportKindSpec } from '../columns.js';
import type { RowOutcome } from '../import-job.entity.js';

export interface ParsedRow<T> {
  line: number;
  value: T;
  /** Identity (USCC, project code, lead key): duplicates in a file and re-imports are found by it. */
  key: string;
}

export interface WriteResult {
  created: number;
  existing: number;
  /** Upserts: existing records changed, and those already as the file says. */
  updated?: number;
  unchanged?: number;
  /** Each written row's outcome when it is not simply `created` (upserts). */
  outcomes?: Array<{ line: number; outcome: RowOutcome; fields?: string[] }>;
  /** Rows that failed while being written (a change since validation, a rule only the service knows). */
  errors: Array<{ line: number; errors: FieldError[] }>;
}

export interface ImportContext {
  actor: Actor;
  now: Date;
  /** Called now and then with the number of rows written so far. */
  progress: (written: number) => Promise<void>;
}

/** One kind of import: its columns, how a row is validated (the API's schema) and written. */
export interface ImportKind<T> {
  spec: ImportKindSpec;
  /** The API schema applied to a row's assembled object. */
  parse(input: Record<string, unknown>): { ok: true; value: T } | { ok: false; errors: FieldError[] };
  key(value: T, actor: Actor): string;
  /** The field a duplicate is reported on. */
  keyField(value: T): string;
  /** Checks against the database before anything is written: per-row errors, and which keys already exist. */
  check(rows: ParsedRow<T>[], ctx: ImportContext, m: EntityManager): Promise<{ errors: Map<number, FieldError[]>; existing: Set<string> }>;
  /** Optional CPU work for the rows' write (derived columns …), done while the previous chunk is being written. */
  prepare?(rows: ParsedRow<T>[]): void;
  /** Writes the rows (not existing, without errors) inside the import's transaction. */
  write(rows: ParsedRow<T>[], ctx: ImportContext, m: EntityManager): Promise<WriteResult>;
}

export const addError = (map: Map<number, FieldError[]>, line: number, e: FieldError) => map.set(line, [...(map.get(line) ?? []), e]);
