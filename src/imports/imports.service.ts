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
import { ImportJob, IMPORT_KINDS, IMPORT_STATUSES, type ImportKind as ImportKindName, type ImportRowError } from './import-job.entity.js';
import { runImportJob } from './imports.jobs.js';
import { EnterpriseImport } from './kinds/enterprises.js';
import type { ImportContext, ImportKind, ParsedRow } from './kinds/kind.js';
import { LeadImport } from './kinds/leads.js';
import { ProjectImport } from './kinds/projects.js';
import { formatOf, readTable, UnreadableFile } from '../platform/spreadsheet/spreadsheet.js';

/** The error list kept with an import (the counts are always complete). */
export const MAX_STORED_ERRORS = 1000;
/** Rows validated, checked and written at a time. */
const CHUNK = 2000;

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
 * CSV/XLSX imports of enterprises, projects and leads. A file is read completely and every row
 * validated (cells → the API's zod schema → checks against the database, duplicates inside the
 * file) before anything is written; with any bad row nothing is written unless the uploader
 * asked for the good rows only (`validOnly`). Writing happens in one transaction, so an import
 * is all or nothing either way; re-importing the same file finds every row existing (USCC,
 * project code, lead key) and changes nothing. Small files are processed while the upload waits;
 * larger ones by a job (the upload answers 202; GET /imports/:id shows the progress).
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

  handler(kind: ImportKindName): ImportKind<any> {
    return { enterprises: this.enterpriseImport, projects: this.projectImport, leads: this.leadImport }[kind];
  }

  /** Stores the upload and processes it now (small files) or through a job; returns the import record. */
  async upload(actor: Actor, kind: ImportKindName, file: UploadedFile | undefined, validOnly: boolean): Promise<{ job: ImportJob; queued: boolean }> {
    requireStaff(actor);
    if (!file) throw validationFailed([{ field: 'file', code: 'required', message: '请上传文件（表单字段 file）' }]);
    const format = formatOf(file.originalname ?? '', file.mimetype);
    if (!format) throw validationFailed([{ field: 'file', code: 'unsupported_format', message: '只支持 .csv 或 .xlsx 文件' }]);
    if (!file.size) throw validationFailed([{ field: 'file', code: 'empty', message: '文件是空的' }]);
    const queued = file.size > this.config.IMPORT_SYNC_MAX_BYTES;
    // the file is stored only for the job; a small one is processed from memory right away
    const id = await this.dataSource.transaction(async (m) => {
      const [row]: Array<{ id: number }> = await m.query(
        `INSERT INTO import_job (kind, format, file_name, valid_only, status, file, actor, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'queued', $5, $6::jsonb, $7, $8) RETURNING id`,
        [
          kind,
          format,
          (file.originalname ?? '').slice(0, 200),
          validOnly,
          queued ? file.buffer : null,
          JSON.stringify({ userId: actor.userId, email: actor.email, name: actor.name, role: actor.role, bureauId: actor.bureauId, regionScope: actor.regionScope }),
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
    const [items, total] = await this.dataSource.manager.findAndCount(ImportJob, { where, order: { id: 'DESC' }, skip: offsetOf(q), take: q.pageSize });
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
    const job = await this.dataSource.manager.findOneOrFail(ImportJob, { where: { id }, select: { id: true, kind: true, format: true, validOnly: true, actor: true, file: !upload, fileName: true } });
    try {
      const file = upload ?? job.file;
      if (!file) throw new UnreadableFile('上传的文件已不在（导入记录不完整），请重新上传');
      await this.run(job, file);
    } catch (err) {
      if (err instanceof UnreadableFile) {
        await this.finish(id, { status: 'failed', failure: err.message.slice(0, 500) });
        return;
      }
      this.log.error({ importId: id, err: (err as Error).message }, 'import failed');
      throw err; // a job is retried; a synchronous upload answers 500
    }
  }

  private async run(job: ImportJob, file: Buffer): Promise<void> {
    const kind = this.handler(job.kind);
    const a = job.actor;
    const actor: Actor = { userId: a.userId, email: a.email, name: a.name, role: a.role, bureauId: a.bureauId, regionScope: a.regionScope, enterpriseId: null };
    const table = await readTable(file, job.format);
    const headers = mapHeaders(table.headers, kind.spec);
    const byField = new Map<string, string>();
    headers.byIndex.forEach((c, i) => c && byField.set(c.field, table.headers[i]));
    const toRowErrors = (line: number, errors: FieldError[]): ImportRowError[] => errors.map((e) => ({ line, field: e.field, column: columnOf(e.field, byField), code: e.code, message: e.message }));

    if (headers.errors.length) {
      await this.finish(job.id, { status: 'rejected', errors: headers.errors.map((e) => ({ line: 1, field: e.field, column: null, code: e.code, message: e.message })), invalidCount: 0 });
      return;
    }
    if (!table.rows.length) {
      await this.finish(job.id, { status: 'rejected', errors: [{ line: 1, field: '(file)', column: null, code: 'no_rows', message: '文件中没有数据行' }] });
      return;
    }
    await this.dataSource.query(`UPDATE import_job SET total_rows = $2, phase = 'importing' WHERE id = $1`, [job.id, table.rows.length]);

    // Rows go through in chunks: validated (cells → the API schema, duplicates inside the file),
    // checked against the database (region, references, existing), and written — all inside one
    // transaction, so a file with a bad row (unless validOnly) rolls back whole. A chunk's write
    // runs in PostgreSQL while the next chunk is validated here.
    const errors = new Map<number, FieldError[]>();
    const writeErrors: Array<{ line: number; errors: FieldError[] }> = [];
    const seen = new Map<string, number>();
    let created = 0;
    let existing = 0;
    const rejected = () => !job.validOnly && (errors.size > 0 || writeErrors.length > 0);
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
    try {
      for (let start = 0; start < table.rows.length; start += CHUNK) {
        const parsed: ParsedRow<unknown>[] = [];
        for (const row of table.rows.slice(start, start + CHUNK)) {
          const cells = assemble(row.cells, headers);
          const r = kind.parse(cells.input);
          const bad = new Set(cells.errors.map((e) => e.field));
          const rowErrors = [...cells.errors, ...(r.ok ? [] : r.errors.filter((e) => !bad.has(e.field)))];
          if (rowErrors.length) errors.set(row.line, rowErrors);
          else if (r.ok) {
            const key = kind.key(r.value, actor);
            const first = seen.get(key);
            if (first !== undefined) errors.set(row.line, [{ field: kind.keyField(r.value), code: 'duplicate_in_file', message: `与第 ${first} 行重复` }]);
            else {
              seen.set(key, row.line);
              parsed.push({ line: row.line, value: r.value, key });
            }
          }
        }
        if (!rejected()) kind.prepare?.(parsed);
        await written(); // the previous chunk's write (one connection, in order)
        await this.progress(job.id, 'importing', start);
        const checked = await kind.check(parsed, ctx, m);
        for (const [line, es] of checked.errors) errors.set(line, [...(errors.get(line) ?? []), ...es]);
        const valid = parsed.filter((r) => !errors.has(r.line) && !checked.existing.has(r.key));
        existing += parsed.filter((r) => !errors.has(r.line) && checked.existing.has(r.key)).length;
        // all or nothing: once a row is bad, the rest is only validated (to report every error)
        if (rejected() || !valid.length) continue;
        base = start;
        writing = kind.write(valid, ctx, m).then(
          (w) => {
            created += w.created;
            existing += w.existing;
            writeErrors.push(...w.errors);
          },
          (error: unknown) => {
            writeFailure = { error }; // rethrown by written(), so it is never an unhandled rejection
          },
        );
      }
      await written();
      const rowErrors = [...[...errors].map(([line, es]) => ({ line, errors: es })), ...writeErrors]
        .sort((x, y) => x.line - y.line)
        .flatMap((r) => toRowErrors(r.line, r.errors));
      const invalidCount = errors.size + writeErrors.length;
      if (rejected()) {
        await qr.rollbackTransaction();
        await this.finish(job.id, { status: 'rejected', errors: rowErrors, invalidCount, existingCount: existing });
        return;
      }
      await this.audit.record(m, {
        actor,
        action: `${job.kind === 'enterprises' ? 'enterprise' : job.kind === 'projects' ? 'project' : 'lead'}.imported`,
        target: { type: 'import', id: job.id, region: actor.regionScope },
        detail: { fileName: job.fileName, rows: table.rows.length, created, existing, invalid: invalidCount },
      });
      await qr.commitTransaction();
      await this.finish(job.id, { status: 'completed', createdCount: created, existingCount: existing, invalidCount, errors: rowErrors });
    } catch (err) {
      if (writing) await writing;
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }

  private async progress(id: number, phase: 'validating' | 'importing', n: number): Promise<void> {
    await this.dataSource.query(`UPDATE import_job SET phase = $2, processed_rows = $3 WHERE id = $1`, [id, phase, n]);
  }

  private async finish(
    id: number,
    r: { status: 'completed' | 'rejected' | 'failed'; errors?: ImportRowError[]; createdCount?: number; existingCount?: number; invalidCount?: number; failure?: string; processedRows?: number },
  ): Promise<void> {
    const errors = r.errors ?? [];
    await this.dataSource.query(
      `UPDATE import_job SET status = $2, phase = NULL, errors = $3::jsonb, error_count = $4, created_count = $5, existing_count = $6,
         invalid_count = $7, failure = $8, finished_at = $9, file = NULL, processed_rows = coalesce($10, total_rows) WHERE id = $1`,
      [id, r.status, JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)), errors.length, r.createdCount ?? 0, r.existingCount ?? 0, r.invalidCount ?? 0, r.failure ?? null, this.clock.now(), r.processedRows ?? null],
    );
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
    status: j.status,
    statusLabel: IMPORT_STATUSES[j.status],
    phase: j.phase,
    progress: { processedRows: j.processedRows, totalRows: j.totalRows, percent: j.totalRows ? Math.min(100, Math.round((j.processedRows / j.totalRows) * 100)) : j.status === 'queued' ? 0 : 100 },
    created: j.createdCount,
    existing: j.existingCount,
    invalidRows: j.invalidCount,
    errorCount: j.errorCount,
    errors: j.errors,
    errorsTruncated: j.errorCount > j.errors.length,
    failure: j.failure,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
}
