import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../access/actor.js';

export const IMPORT_KINDS = { enterprises: '企业', projects: '招商项目', leads: '线索' } as const;
export type ImportKind = keyof typeof IMPORT_KINDS;
export const importKinds = Object.keys(IMPORT_KINDS) as [ImportKind, ...ImportKind[]];

/** create: new records only (an existing one is left as it is); upsert: enterprises only — an existing USCC is updated with the file's columns. */
export const IMPORT_MODES = { create: '仅新增', upsert: '新增并更新' } as const;
export type ImportMode = keyof typeof IMPORT_MODES;
export const importModes = Object.keys(IMPORT_MODES) as [ImportMode, ...ImportMode[]];

export const ROW_OUTCOMES = { created: '新增', updated: '已更新', unchanged: '无变化', existing: '已存在', error: '有错误' } as const;
export type RowOutcome = keyof typeof ROW_OUTCOMES;

/** What became of one row (the list keeps the first 1,000 rows; the counts are complete). */
export interface ImportRowResult {
  line: number;
  /** USCC, project code or lead key, when the row had a valid one. */
  key: string | null;
  outcome: RowOutcome;
  /** For an update: the API fields that changed. */
  fields?: string[];
}

export const IMPORT_STATUSES = {
  queued: '排队中',
  running: '处理中',
  completed: '已完成',
  rejected: '未导入（文件有错误）',
  failed: '失败',
} as const;
export type ImportStatus = keyof typeof IMPORT_STATUSES;

export interface ImportRowError {
  /** Line (CSV) or row (XLSX) number in the file, header = 1. */
  line: number;
  /** The API field, e.g. `contacts[0].email`, or `(row)`. */
  field: string;
  /** The file's column header for that field, when there is one. */
  column: string | null;
  code: string;
  message: string;
}

/** Who uploaded, as it was at upload time (the job checks region scope with it). */
export interface ImportActor {
  userId: number;
  email: string;
  name: string;
  role: Role;
  bureauId: number | null;
  regionScope: string | null;
}

/** One uploaded file and what became of it; large files are processed by a job that updates the progress here. */
@Entity('import_job')
@Index('import_job_creator_idx', ['createdBy', 'id'])
export class ImportJob {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 12 })
  kind: ImportKind;

  @Column({ type: 'varchar', length: 4 })
  format: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 200, default: '' })
  fileName: string;

  @Column({ type: 'varchar', length: 8, default: 'create' })
  mode: ImportMode;

  /** Import good rows even when others are bad. */
  @Column({ type: 'boolean', default: false })
  validOnly: boolean;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: ImportStatus;

  /** validating › importing, while running. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  phase: 'validating' | 'importing' | null;

  @Column({ type: 'int', default: 0 })
  totalRows: number;

  @Column({ type: 'int', default: 0 })
  processedRows: number;

  @Column({ type: 'int', default: 0 })
  createdCount: number;

  /** Rows whose record already existed (USCC, project code, lead key): left as they are. */
  @Column({ type: 'int', default: 0 })
  existingCount: number;

  /** Existing records changed by an upsert. */
  @Column({ type: 'int', default: 0 })
  updatedCount: number;

  /** Existing records an upsert found already as the file says. */
  @Column({ type: 'int', default: 0 })
  unchangedCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  rowResults: ImportRowResult[];

  /** Bytes of the upload (for the progress estimate while a file streams). */
  @Column({ type: 'int', nullable: true })
  fileSize: number | null;

  /** Rows with at least one error. */
  @Column({ type: 'int', default: 0 })
  invalidCount: number;

  /** Field errors in total (the list below keeps the first 1,000). */
  @Column({ type: 'int', default: 0 })
  errorCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: ImportRowError[];

  /** Why the whole import failed (unreadable file, missing columns …). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  /** The uploaded bytes, until processed. */
  @Column({ type: 'bytea', nullable: true, select: false })
  file: Buffer | null;

  @Column({ type: 'jsonb' })
  actor: ImportActor;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
