import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { offsetOf, toPage, type Page } from '../platform/http/pagination.js';
import { IntakeDocument } from './intake-document.entity.js';
import { IntakeDraft } from './intake-draft.entity.js';
import { IntakeRecordSource } from './intake-record-source.entity.js';
import type { DocumentStatus } from './intake.vocabulary.js';

/** Where an accepted record came from, as its page shows it: 来源 《title》「quote」, linking to the review page at the offset. */
export interface RecordSource {
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  quote: string;
  /** The review page, scrolled to the highlighted name. */
  href: string;
}

export interface DocumentListRow {
  id: number;
  title: string;
  format: string;
  regionCode: string | null;
  status: DocumentStatus;
  progress: number;
  createdAt: Date;
  drafts: number;
  proposed: number;
}

/**
 * Read models of intake: the documents a staff member may see (their region's subtree through the
 * GIN-indexed path; documents without a region only to admins and their uploader) and one document with its drafts.
 */
@Injectable()
export class IntakeQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** `[sql, params]` restricting `intake_document d` to what the actor may see (null: admin, everything). */
  scope(actor: Actor, first = 1): { sql: string; params: unknown[] } | null {
    if (actor.role === 'admin') return null;
    return {
      sql: `(d.region_path @> ARRAY[$${first}]::char(6)[] OR (d.region_code IS NULL AND d.created_by = $${first + 1}))`,
      params: [actor.regionScope ?? '000000', actor.userId],
    };
  }

  async documents(actor: Actor, q: { page: number; pageSize: number; status?: DocumentStatus }): Promise<Page<DocumentListRow>> {
    const scope = this.scope(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    if (scope) {
      where.push(scope.sql);
      params.push(...scope.params);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`d.status = $${params.length}`);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM intake_document d ${w}`, params);
    const rows: DocumentListRow[] = await this.dataSource.query(
      `SELECT d.id, d.title, d.format, d.region_code AS "regionCode", d.status, d.progress, d.created_at AS "createdAt",
              (SELECT count(*)::int FROM intake_draft x WHERE x.document_id = d.id) AS drafts,
              (SELECT count(*)::int FROM intake_draft x WHERE x.document_id = d.id AND x.status = 'proposed') AS proposed
         FROM intake_document d ${w} ORDER BY d.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return toPage(rows, n, q);
  }

  /** A document the actor may see, or null (the caller answers 404). */
  async document(actor: Actor, id: number): Promise<IntakeDocument | null> {
    const scope = this.scope(actor, 2);
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT d.id FROM intake_document d WHERE d.id = $1 ${scope ? `AND ${scope.sql}` : ''}`,
      [id, ...(scope?.params ?? [])],
    );
    return rows.length ? this.dataSource.manager.findOneBy(IntakeDocument, { id }) : null;
  }

  drafts(documentId: number): Promise<IntakeDraft[]> {
    return this.dataSource.manager.find(IntakeDraft, { where: { documentId }, order: { position: 'ASC' } });
  }

  draft(id: number): Promise<IntakeDraft | null> {
    return this.dataSource.manager.findOneBy(IntakeDraft, { id });
  }

  /** The source link of a project, policy or incentive accepted from a draft, or null (typed in by hand). */
  async sourceOf(recordType: IntakeRecordSource['recordType'], recordId: number): Promise<RecordSource | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(IntakeRecordSource, 's')
      .innerJoin(IntakeDocument, 'd', 'd.id = s.document_id')
      .select(['s.document_id AS "documentId"', 'd.title AS "documentTitle"', 's.start AS start', 's.end AS "end"', 's.quote AS quote'])
      .where('s.record_type = :recordType AND s.record_id = :recordId', { recordType, recordId })
      .getRawOne<Omit<RecordSource, 'href'>>();
    return row ? { ...row, href: `/console/intake/${row.documentId}?at=${row.start}&to=${row.end}#at-${row.start}` } : null;
  }
}
