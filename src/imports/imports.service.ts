import { requireStaff } from '../access/access-policy.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { offsetOf, toPage } from '../platform/http/pagination.js';
import { notFound, validationFailed, type FieldError } from '../platform/http/problem.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { assemble, mapHeaders } from './columns.js';
import {
  ImportJob,
  IMPORT_KINDS,
  IMPORT_MODES,
  IMPORT_STATUSES,
  ROW_OUTCOMES,
  type ImportKind as ImportKindName,
  type ImportMode,
  type ImportRowError,
  type ImportRowResult,
} from './import-job.entity.js';
import { runImportJob } from './imports.jobs.js';
import { EnterpriseImport } from './kinds/enterprises.js';
import type { ImportContext, ImportKind, ParsedRow } from './kinds/kind.js';
import { LeadImport } from './kinds/leads.js';
import { ProjectImport } from './kinds/projects.js';
import { formatOf, UnreadableFile } from '../platform/spreadsheet/spreadsheet.js';
import { uploadedFileName } from '../platform/storage/file-kind.js';
import { streamTable, type ByteSource, type TableRow, type TableStream } from '../platform/spreadsheet/table-stream.js';

/** The error list kept with an import (the counts are always complete). */
export const MAX_STORED_ERRORS = 1000;
/** Rows validated, checked and written at a time. */
const CHUNK = 2000;
/** Bytes of a stored upload read at a time. */
const FILE_SLICE = 1 << 20;

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  mimetype?: string;
  size: number;
}

/** Which column of this file a field error belongs to: the field itself, or the list/object it is inside. */
function columnOf(field: string, byField: Map<string, string>): string | null {
  let f = field;
  for (;;) {
    const hit = byField.get(f);
    if (hit) return hit;
    const cut = f.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (cut === f) return null;
    f = cut;
  }
}

/**
 * CSV/XLSX imports of enterprises, projects and leads. A file is read row by row (streamed, so a
 * 64 MB file never sits in memory as a table) and every row validated (cells → the API's zod
 * schema → checks against the database, duplicates inside the file); with any bad row nothing is
 * written unless the uploader asked for the good rows only (`validOnly`). Writing happens in one
 * transaction, so an import is all or nothing either way; re-importing the same file finds every
 * row existing (USCC, project code, lead key) and changes nothing — or, for enterprises with
 * `mode=upsert`, updates each existing one with the columns the file names. Small files are
 * processed while the upload waits; larger ones by a job (the upload answers 202; GET /imports/:id
 * shows the progress).
 */
@Injectable()
export class ImportsService {
  private readonly log = new Logger('Imports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly enterpriseImport: EnterpriseImport,
    private readonly projectImport: ProjectImport,
    private readonly leadImport: LeadImport,
  ) {}

  handler(kind: ImportKindName, mode: ImportMode = 'create'): ImportKind<any> {
    if (mode === 'upsert' && kind === 'enterprises') return this.enterpriseImport.upserting;
    return { enterprises: this.enterpriseImport, projects: this.projectImport, leads: this.leadImport }[kind];
  }

  /** Stores the upload and processes it now (small files) or through a job; returns the import record. */
  async upload(
    actor: Actor,
    kind: ImportKindName,
    file: UploadedFile | undefined,
    validOnly: boolean,
    mode: ImportMode = 'create',
  ): Promise<{ job: ImportJob; queued: boolean }> {
    requireStaff(actor);
    if (mode === 'upsert' && kind !== 'enterprises')
      throw validationFailed([{ field: 'mode', code: 'unsupported', message: '只有企业导入可以更新已有记录（mode=upsert）' }]);
    if (!file) throw validationFailed([{ field: 'file', code: 'required', message: '请上传文件（表单字段 file）' }]);
    const format = formatOf(file.originalname ?? '', file.mimetype);
    if (!format) throw validationFailed([{ field: 'file', code: 'unsupported_format', message: '只支持 .csv 或 .xlsx 文件' }]);
    if (!file.size) throw validationFailed([{ field: 'file', code: 'empty', message: '文件是空的' }]);
    const queued = file.size > this.config.IMPORT_SYNC_MAX_BYTES;
    // the file is stored only for the job; a small one is processed from memory right away
    const id = await this.dataSource.transaction(async (m) => {
      const [row]: Array<{ id: number }> = await m.query(
        `INSERT INTO import_job (kind, format, file_name, valid_only, mode, status, file, file_size, actor, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8::jsonb, $9, $10) RETURNING id`,
        [
          kind,
          format,
          uploadedFileName(file.originalname).slice(0, 200),
          validOnly,
          mode,
          queued ? file.buffer : null,
          file.size,
          JSON.stringify({
            userId: actor.userId,
            email: actor.email,
            name: actor.name,
            role: actor.role,
            bureauId: actor.bureauId,
            regionScope: actor.regionScope,
          }),
          actor.userId,
          this.clock.now(),
        ],
      );
      if (queued) await this.outbox.enqueue(m, runImportJob.request({ importId: row.id }));
      return row.id;
    });
    if (!queued) await this.process(id, file.buffer);
    return { job: await this.get(actor, id), queued };
  }

  async get(actor: Actor, id: number): Promise<ImportJob> {
    requireStaff(actor);
    const job = await this.dataSource.manager.findOne(ImportJob, { where: { id } });
    if (!job || (actor.role !== 'admin' && job.createdBy !== actor.userId)) throw notFound('导入记录');
    return job;
  }

  async list(actor: Actor, q: { page: number; pageSize: number }) {
    requireStaff(actor);
    const where = actor.role === 'admin' ? {} : { createdBy: actor.userId };
    const [items, total] = await this.dataSource.manager.findAndCount(ImportJob, {
      where,
      order: { id: 'DESC' },
      skip: offsetOf(q),
      take: q.pageSize,
    });
    return toPage(items, total, q);
  }

  /** Processes an upload (the job's handler reads the stored file; a small upload passes it). Safe to run again. */
  async process(id: number, upload?: Buffer): Promise<void> {
    const now = this.clock.now();
    const [claimed]: Array<{ id: number }> = await this.dataSource.query(
      `UPDATE import_job SET status = 'running', phase = 'validating', started_at = $2, processed_rows = 0 WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id, now],
    );
    if (!claimed) return; // finished already
    const job = await this.dataSource.manager.findOneOrFail(ImportJob, { where: { id } });
    try {
      let source: ByteSource;
      if (upload) source = upload;
      else {
        const [stored]: Array<{ size: number | null }> = await this.dataSource.query(
          `SELECT octet_length(file) AS size FROM import_job WHERE id = $1`,
          [id],
        );
        if (stored?.size == null) throw new UnreadableFile('上传的文件已不在（导入记录不完整），请重新上传');
        source = this.storedFile(id, stored.size);
      }
      await this.run(job, source);
    } catch (err) {
      if (err instanceof UnreadableFile) {
        await this.finish(id, { status: 'failed', failure: err.message.slice(0, 500) });
        return;
      }
      this.log.error({ importId: id, err: (err as Error).message }, 'import failed');
      throw err; // a job is retried; a synchronous upload answers 500
    }
  }

  /** The stored upload, a slice at a time (the column is stored uncompressed, so each slice is read directly). */
  private async *storedFile(id: number, size: number): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < size; offset += FILE_SLICE) {
      const [row]: Array<{ part: Buffer }> = await this.dataSource.query(
        `SELECT substring(file FROM $2 FOR $3) AS part FROM import_job WHERE id = $1`,
        [id, offset + 1, FILE_SLICE],
      );
      if (!row?.part) throw new UnreadableFile('上传的文件已不在（导入记录不完整），请重新上传');
      yield row.part;
    }
  }

  private async run(job: ImportJob, source: ByteSource): Promise<void> {
    const kind = this.handler(job.kind, job.mode);
    const a = job.actor;
    const actor: Actor = {
      userId: a.userId,
      email: a.email,
      name: a.name,
      role: a.role,
      bureauId: a.bureauId,
      regionScope: a.regionScope,
      enterpriseId: null,
    };
    const table = await streamTable(source, job.format);
    try {
      await this.runRows(job, kind, actor, table);
    } finally {
      await table.close();
    }
  }

  /**
   * Rows stream through in chunks: validated (cells → the API schema, duplicates inside the file),
   * checked against the database (region, references, existing), and written — all inside one
   * transaction, so a file with a bad row (unless validOnly) rolls back whole. A chunk's write runs
   * in PostgreSQL while the next chunk is read and validated here. Only the current chunks, the
   * keys seen (for duplicates) and the first MAX_STORED_ERRORS errors and row results stay in memory.
   */
  private async runRows(job: ImportJob, kind: ImportKind<any>, actor: Actor, table: TableStream): Promise<void> {
    const headers = mapHeaders(table.headers, kind.spec);
    const byField = new Map<string, string>();
    headers.byIndex.forEach((c, i) => c && byField.set(c.field, table.headers[i]));
    const toRowErrors = (line: number, errors: FieldError[]): ImportRowError[] =>
      errors.map((e) => ({ line, field: e.field, column: columnOf(e.field, byField), code: e.code, message: e.message }));

    if (headers.errors.length) {
      await this.finish(job.id, {
        status: 'rejected',
        errors: headers.errors.map((e) => ({ line: 1, field: e.field, column: null, code: e.code, message: e.message })),
        invalidCount: 0,
      });
      return;
    }
    await this.dataSource.query(`UPDATE import_job SET phase = 'importing' WHERE id = $1`, [job.id]);

    const report = new RowReport();
    const seen = new Map<string, number>();
    let rowsRead = 0;
    const counts = { created: 0, existing: 0, updated: 0, unchanged: 0 };
    const rejected = () => !job.validOnly && report.invalidRows > 0;
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    const m = qr.manager;
    let base = 0;
    const ctx: ImportContext = { actor, now: this.clock.now(), progress: (n) => this.progress(job.id, 'importing', base + n) };
    let writing: Promise<void> | null = null;
    let writeFailure: { error: unknown } | null = null;
    const written = async () => {
      if (writing) await writing;
      if (writeFailure) throw writeFailure.error;
    };
    const estimateTotal = () =>
      job.fileSize && table.bytesRead() ? Math.max(rowsRead, Math.ceil((rowsRead * job.fileSize) / table.bytesRead())) : rowsRead;
    try {
      for (let chunk = await takeRows(table.rows, CHUNK); chunk.length; chunk = await takeRows(table.rows, CHUNK)) {
        const start = rowsRead;
        rowsRead += chunk.length;
        const errors = new Map<number, FieldError[]>();
        const parsed: ParsedRow<unknown>[] = [];
        for (const row of chunk) {
          const cells = assemble(row.cells, headers);
          const r = kind.parse(cells.input);
          const bad = new Set(cells.errors.map((e) => e.field));
          const rowErrors = [...cells.errors, ...(r.ok ? [] : r.errors.filter((e) => !bad.has(e.field)))];
          if (rowErrors.length) errors.set(row.line, rowErrors);
          else if (r.ok) {
            const key = kind.key(r.value, actor);
            const first = seen.get(key);
            if (first !== undefined)
              errors.set(row.line, [{ field: kind.keyField(r.value), code: 'duplicate_in_file', message: `与第 ${first} 行重复` }]);
            else {
              seen.set(key, row.line);
              parsed.push({ line: row.line, value: r.value, key });
            }
          }
        }
        if (!rejected()) kind.prepare?.(parsed);
        await written(); // the previous chunk's write (one connection, in order)
        await this.dataSource.query(`UPDATE import_job SET phase = 'importing', processed_rows = $2, total_rows = $3 WHERE id = $1`, [
          job.id,
          start,
          estimateTotal(),
        ]);
        const checked = await kind.check(parsed, ctx, m);
        for (const [line, es] of checked.errors) errors.set(line, [...(errors.get(line) ?? []), ...es]);
        const keyOf = new Map(parsed.map((r) => [r.line, r.key]));
        for (const [line, es] of [...errors].sort((x, y) => x[0] - y[0]))
          report.error(line, keyOf.get(line) ?? null, toRowErrors(line, es));
        const valid = parsed.filter((r) => !errors.has(r.line) && !checked.existing.has(r.key));
        for (const r of parsed) {
          if (errors.has(r.line) || !checked.existing.has(r.key)) continue;
          counts.existing++;
          report.row({ line: r.line, key: r.key, outcome: 'existing' });
        }
        // all or nothing: once a row is bad, the rest is only validated (to report every error)
        if (rejected() || !valid.length) continue;
        base = start;
        writing = kind.write(valid, ctx, m).then(
          (w) => {
            counts.created += w.created;
            counts.existing += w.existing;
            counts.updated += w.updated ?? 0;
            counts.unchanged += w.unchanged ?? 0;
            const bad = new Set(w.errors.map((e) => e.line));
            const keyOf = new Map(valid.map((r) => [r.line, r.key]));
            for (const e of w.errors) report.error(e.line, keyOf.get(e.line) ?? null, toRowErrors(e.line, e.errors));
            const outcomes = new Map((w.outcomes ?? []).map((o) => [o.line, o]));
            for (const r of valid) {
              if (bad.has(r.line)) continue;
              const o = outcomes.get(r.line);
              report.row({ line: r.line, key: r.key, outcome: o?.outcome ?? 'created', ...(o?.fields ? { fields: o.fields } : {}) });
            }
          },
          (error: unknown) => {
            writeFailure = { error }; // rethrown by written(), so it is never an unhandled rejection
          },
        );
      }
      await written();
      if (!rowsRead) {
        await qr.rollbackTransaction();
        await this.finish(job.id, {
          status: 'rejected',
          errors: [{ line: 1, field: '(file)', column: null, code: 'no_rows', message: '文件中没有数据行' }],
        });
        return;
      }
      const summary = {
        errors: report.errors(),
        errorCount: report.errorCount,
        invalidCount: report.invalidRows,
        rowResults: report.rows(),
        totalRows: rowsRead,
      };
      if (rejected()) {
        await qr.rollbackTransaction();
        await this.finish(job.id, { status: 'rejected', ...summary, existingCount: counts.existing });
        return;
      }
      await this.audit.record(m, {
        actor,
        action: `${job.kind === 'enterprises' ? 'enterprise' : job.kind === 'projects' ? 'project' : 'lead'}.imported`,
        target: { type: 'import', id: job.id, region: actor.regionScope },
        detail: {
          fileName: job.fileName,
          rows: rowsRead,
          created: counts.created,
          existing: counts.existing,
          invalid: report.invalidRows,
          ...(job.mode === 'upsert' ? { mode: 'upsert', updated: counts.updated, unchanged: counts.unchanged } : {}),
        },
      });
      await qr.commitTransaction();
      await this.finish(job.id, {
        status: 'completed',
        ...summary,
        createdCount: counts.created,
        existingCount: counts.existing,
        updatedCount: counts.updated,
        unchangedCount: counts.unchanged,
      });
    } catch (err) {
      if (writing) await writing;
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }

  private async progress(id: number, phase: 'validating' | 'importing', n: number): Promise<void> {
    await this.dataSource.query(`UPDATE import_job SET phase = $2, processed_rows = GREATEST(processed_rows, $3) WHERE id = $1`, [
      id,
      phase,
      n,
    ]);
  }

  private async finish(
    id: number,
    r: {
      status: 'completed' | 'rejected' | 'failed';
      errors?: ImportRowError[];
      errorCount?: number;
      rowResults?: ImportRowResult[];
      createdCount?: number;
      existingCount?: number;
      updatedCount?: number;
      unchangedCount?: number;
      invalidCount?: number;
      failure?: string;
      totalRows?: number;
    },
  ): Promise<void> {
    const errors = r.errors ?? [];
    await this.dataSource.query(
      `UPDATE import_job SET status = $2, phase = NULL, errors = $3::jsonb, error_count = $4, created_count = $5, existing_count = $6,
         invalid_count = $7, failure = $8, finished_at = $9, file = NULL, total_rows = coalesce($10, total_rows), processed_rows = coalesce($10, total_rows),
         updated_count = $11, unchanged_count = $12, row_results = $13::jsonb
       WHERE id = $1`,
      [
        id,
        r.status,
        JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)),
        r.errorCount ?? errors.length,
        r.createdCount ?? 0,
        r.existingCount ?? 0,
        r.invalidCount ?? 0,
        r.failure ?? null,
        this.clock.now(),
        r.totalRows ?? null,
        r.updatedCount ?? 0,
        r.unchangedCount ?? 0,
        JSON.stringify((r.rowResults ?? []).slice(0, MAX_STORED_ERRORS)),
      ],
    );
  }
}

/** The next `n` rows of a stream (fewer at its end). */
async function takeRows(rows: AsyncIterator<TableRow>, n: number): Promise<TableRow[]> {
  const out: TableRow[] = [];
  while (out.length < n) {
    const r = await rows.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

/**
 * What an import reports, in bounded memory: the counts are complete; the error list and the
 * per-row results keep the MAX_STORED_ERRORS smallest line numbers (rows of a chunk may be reported
 * after the next chunk's, so the lists are sorted and cut now and then, never grown without limit).
 */
class RowReport {
  invalidRows = 0;
  errorCount = 0;
  private errorList: ImportRowError[] = [];
  private rowList: ImportRowResult[] = [];

  error(line: number, key: string | null, errors: ImportRowError[]): void {
    this.invalidRows++;
    this.errorCount += errors.length;
    this.errorList.push(...errors);
    if (this.errorList.length > MAX_STORED_ERRORS * 3) this.errorList = RowReport.cut(this.errorList);
    this.row({ line, key, outcome: 'error' });
  }

  row(r: ImportRowResult): void {
    this.rowList.push(r);
    if (this.rowList.length > MAX_STORED_ERRORS * 3) this.rowList = RowReport.cut(this.rowList);
  }

  errors(): ImportRowError[] {
    return RowReport.cut(this.errorList);
  }

  rows(): ImportRowResult[] {
    return RowReport.cut(this.rowList);
  }

  /** The entries of the smallest MAX_STORED_ERRORS lines (errors of one line stay together, in their order). */
  private static cut<T extends { line: number }>(xs: T[]): T[] {
    const sorted = xs
      .map((x, i) => ({ x, i }))
      .sort((a, b) => a.x.line - b.x.line || a.i - b.i)
      .map((e) => e.x);
    return sorted.slice(0, MAX_STORED_ERRORS);
  }
}

/** What the API shows of an import. */
export function importView(j: ImportJob) {
  return {
    id: j.id,
    kind: j.kind,
    kindLabel: IMPORT_KINDS[j.kind],
    format: j.format,
    fileName: j.fileName,
    validOnly: j.validOnly,
    mode: j.mode,
    modeLabel: IMPORT_MODES[j.mode],
    status: j.status,
    statusLabel: IMPORT_STATUSES[j.status],
    phase: j.phase,
    progress: {
      processedRows: j.processedRows,
      totalRows: j.totalRows,
      percent: j.totalRows ? Math.min(100, Math.round((j.processedRows / j.totalRows) * 100)) : j.status === 'queued' ? 0 : 100,
    },
    created: j.createdCount,
    existing: j.existingCount,
    updated: j.updatedCount,
    unchanged: j.unchangedCount,
    invalidRows: j.invalidCount,
    errorCount: j.errorCount,
    errors: j.errors,
    errorsTruncated: j.errorCount > j.errors.length,
    rows: j.rowResults.map((r) => ({ ...r, outcomeLabel: ROW_OUTCOMES[r.outcome] })),
    rowsTruncated: j.totalRows > j.rowResults.length && j.status !== 'failed',
    failure: j.failure,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
}
