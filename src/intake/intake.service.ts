import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.js';
import { coversRegion, isStaff, type Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { conflict, notFound, ProblemException, validationFailed, type FieldError } from '../platform/http/problem.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { CONTENT_TYPES, uploadedFileName } from '../platform/storage/file-kind.js';
import { FileStorage } from '../platform/storage/file-storage.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { createPolicySchema, incentiveSchema } from '../policies/policy.schemas.js';
import { PoliciesService } from '../policies/policies.service.js';
import { createProjectSchema } from '../projects/project.schemas.js';
import { ProjectsService } from '../projects/projects.service.js';
import { regions } from '../reference/regions.js';
import { readDocumentText, UnreadableDocument } from './document-text.js';
import { extractDrafts } from './extraction/extract.js';
import { IntakeDocument } from './intake-document.entity.js';
import { IntakeDraft } from './intake-draft.entity.js';
import { IntakeIndustryKeyword } from './intake-industry-keyword.entity.js';
import { IntakeRecordSource } from './intake-record-source.entity.js';
import { extractDocumentJob } from './intake.jobs.js';
import { IntakeQueries, type RecordSource } from './intake.queries.js';
import type { AcceptDraftInput, AddKeywordInput, SubmitTextInput, UploadFields } from './intake.schemas.js';
import { STAGE_HINTS, type DocumentFormat, type DraftEvidence } from './intake.vocabulary.js';
import { recogniseDocumentRegion } from './recognition/regions.js';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

const ORIGINAL_TYPES: Record<Exclude<DocumentFormat, 'json'>, string> = {
  txt: CONTENT_TYPES.text,
  docx: CONTENT_TYPES.docx,
  pdf: CONTENT_TYPES.pdf,
};

const staffOnly = () => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有招商局工作人员可以使用文档识别');
const documentNotFound = () => notFound('文档');
const draftNotFound = () => notFound('草稿');

/** A project/policy field name in the draft's vocabulary (the review form posts these names). */
const DRAFT_FIELD: Record<string, string> = { totalInvestmentYuan: 'investmentYuan' };
const renamed = (errors: FieldError[]) => errors.map((e) => ({ ...e, field: e.field.replace(/^[A-Za-z]+/, (f) => DRAFT_FIELD[f] ?? f) }));

/**
 * Policy-document intake. An officer uploads a 政府工作报告, 招商 article or 政策文件; the text is stored
 * with the document's region and an outbox row in one transaction, and a job reads it into drafts.
 * Accepting a draft validates it with the project/policy API's own schema and creates the record as
 * an unpublished draft through ProjectsService/PoliciesService, audited, linked back to the sentence.
 */
@Injectable()
export class IntakeService {
  private readonly log = new Logger('Intake');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly queries: IntakeQueries,
    private readonly projects: ProjectsService,
    private readonly policies: PoliciesService,
    private readonly storage: FileStorage,
  ) {}

  // ── Operations ──

  /** A file upload (.txt UTF-8, .docx, .pdf with a text layer); anything unreadable is a 4xx and stores nothing. */
  async upload(actor: Actor, file: UploadedFile | undefined, fields: UploadFields): Promise<{ id: number }> {
    if (!isStaff(actor)) throw staffOnly();
    if (!file)
      throw validationFailed([{ field: 'file', code: 'required', message: '请上传文件（表单字段 file），或以 JSON 提交 {title, text}' }]);
    let read: { format: Exclude<DocumentFormat, 'json'>; text: string };
    try {
      read = await readDocumentText(file.buffer, file.originalname ?? '');
    } catch (err) {
      if (!(err instanceof UnreadableDocument)) throw err;
      const status =
        err.code === 'unsupported_format'
          ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
          : err.code === 'empty'
            ? HttpStatus.BAD_REQUEST
            : HttpStatus.UNPROCESSABLE_ENTITY;
      throw new ProblemException(status, `intake-${err.code.replace(/_/g, '-')}`, err.message, [
        { field: 'file', code: err.code, message: err.message },
      ]);
    }
    const name = uploadedFileName(file.originalname).slice(0, 200);
    const title = fields.title?.trim() || name.replace(/\.[a-z0-9]+$/i, '') || read.text.trim().split('\n')[0].slice(0, 300);
    const regionCode = this.regionFor(actor, title, read.text, fields.regionCode || undefined);
    // The original file is kept (file storage) beside its text; if the document is not stored, neither is the file.
    const fileKey = `intake/${randomUUID()}.${read.format}`;
    await this.storage.put(fileKey, file.buffer, ORIGINAL_TYPES[read.format]);
    try {
      return await this.store(actor, {
        title,
        text: read.text,
        regionCode,
        sourceUrl: fields.sourceUrl ?? '',
        fileName: name,
        format: read.format,
        fileKey,
      });
    } catch (err) {
      await this.storage.delete(fileKey).catch(() => undefined);
      throw err;
    }
  }

  /** JSON `{title, text, regionCode?, sourceUrl?}`. */
  async submit(actor: Actor, input: SubmitTextInput): Promise<{ id: number }> {
    if (!isStaff(actor)) throw staffOnly();
    const text = input.text.replace(/\r\n?/g, '\n');
    return this.store(actor, {
      ...input,
      text,
      regionCode: this.regionFor(actor, input.title, text, input.regionCode),
      fileName: '',
      format: 'json',
      fileKey: null,
    });
  }

  /** The document with its drafts; 404 outside the actor's region. */
  async read(actor: Actor, id: number): Promise<{ document: IntakeDocument; drafts: IntakeDraft[] }> {
    if (!isStaff(actor)) throw documentNotFound();
    const document = await this.queries.document(actor, id);
    if (!document) throw documentNotFound();
    return { document, drafts: await this.queries.drafts(id) };
  }

  async list(actor: Actor, q: Parameters<IntakeQueries['documents']>[1]) {
    if (!isStaff(actor)) throw staffOnly();
    return this.queries.documents(actor, q);
  }

  /** 采用: the reviewed draft becomes an unpublished project or policy (incentive: inside a policy). */
  async accept(
    actor: Actor,
    draftId: number,
    edits: AcceptDraftInput,
  ): Promise<{ draft: IntakeDraft; created: { type: string; id: number } }> {
    const { draft, document } = await this.draftFor(actor, draftId);
    if (draft.status !== 'proposed') throw conflict('intake-draft-decided', '该草稿已处理（已采用或已忽略）');
    return this.dataSource.transaction(async (m) => {
      const locked = await m.findOne(IntakeDraft, { where: { id: draftId }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.status !== 'proposed') throw conflict('intake-draft-decided', '该草稿已处理（已采用或已忽略）');
      const created: Created =
        draft.kind === 'project'
          ? await this.createProject(actor, m, document, draft, edits)
          : draft.kind === 'policy'
            ? await this.createPolicy(actor, m, document, draft, edits, [])
            : await this.createIncentive(actor, m, document, draft, edits);
      await this.linkSource(m, { type: created.type, id: created.id }, document, draft);
      if (created.policyFrom)
        await this.linkSource(m, { type: 'policy', id: created.policyFrom.policyId }, document, created.policyFrom.draft);
      const fields = { ...draft.fields, ...withoutUndefined(edits) };
      await m.update(
        IntakeDraft,
        { id: draftId },
        {
          status: 'accepted',
          fields: fields as never,
          createdType: created.type as IntakeDraft['createdType'],
          createdId: created.id,
          decidedBy: actor.userId,
          decidedAt: this.clock.now(),
        },
      );
      await this.audit.record(m, {
        actor,
        action: 'intake.draft_accepted',
        target: { type: created.type, id: created.id, region: created.region },
        detail: {
          documentId: document.id,
          draftId,
          kind: draft.kind,
          source: draft.evidence.find((e) => e.field === 'title' || e.field === 'kind') ?? null,
        },
      });
      return { draft: await m.findOneByOrFail(IntakeDraft, { id: draftId }), created: { type: created.type, id: created.id } };
    });
  }

  /** 忽略. */
  async reject(actor: Actor, draftId: number): Promise<IntakeDraft> {
    const { draft, document } = await this.draftFor(actor, draftId);
    return this.dataSource.transaction(async (m) => {
      const done = await m.update(
        IntakeDraft,
        { id: draftId, status: 'proposed' },
        { status: 'rejected', decidedBy: actor.userId, decidedAt: this.clock.now() },
      );
      if (!done.affected) throw conflict('intake-draft-decided', '该草稿已处理（已采用或已忽略）');
      await this.audit.record(m, {
        actor,
        action: 'intake.draft_rejected',
        target: { type: 'intake_draft', id: draftId, region: document.regionCode },
        detail: { documentId: document.id, kind: draft.kind },
      });
      return m.findOneByOrFail(IntakeDraft, { id: draftId });
    });
  }

  /** 来源: the document and sentence a project/policy/incentive was accepted from; null for staff-typed records or non-staff. */
  async sourceOf(actor: Actor, recordType: IntakeRecordSource['recordType'], recordId: number): Promise<RecordSource | null> {
    if (!isStaff(actor)) return null;
    return this.queries.sourceOf(recordType, recordId);
  }

  keywords(): Promise<IntakeIndustryKeyword[]> {
    return this.dataSource.manager.find(IntakeIndustryKeyword, { order: { keyword: 'ASC' } });
  }

  async addKeyword(actor: Actor, input: AddKeywordInput): Promise<IntakeIndustryKeyword> {
    if (actor.role !== 'admin') throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有平台管理员可以维护行业关键词');
    return this.dataSource.transaction(async (m) => {
      const row = m.create(IntakeIndustryKeyword, {
        keyword: input.keyword,
        codes: input.codes,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      try {
        await m.insert(IntakeIndustryKeyword, row);
      } catch (err) {
        if (isUniqueViolation(err, 'intake_industry_keyword_key'))
          throw conflict('duplicate-keyword', '关键词已存在', [{ field: 'keyword', code: 'duplicate', message: '关键词已存在' }]);
        throw err;
      }
      await this.audit.record(m, {
        actor,
        action: 'intake.keyword_added',
        target: { type: 'intake_industry_keyword', id: row.id },
        detail: { keyword: input.keyword, codes: input.codes },
      });
      return row;
    });
  }

  async removeKeyword(actor: Actor, id: number): Promise<void> {
    if (actor.role !== 'admin') throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有平台管理员可以维护行业关键词');
    await this.dataSource.transaction(async (m) => {
      const row = await m.findOneBy(IntakeIndustryKeyword, { id });
      if (!row) throw notFound('关键词');
      await m.delete(IntakeIndustryKeyword, { id });
      await this.audit.record(m, {
        actor,
        action: 'intake.keyword_removed',
        target: { type: 'intake_industry_keyword', id },
        detail: { keyword: row.keyword },
      });
    });
  }

  // ── The job ──

  /** Reads a document into drafts (the job's handler). Runs again safely: a finished document is left alone. */
  async process(documentId: number, progress: (percent: number) => Promise<void> = async () => {}): Promise<void> {
    const doc = await this.dataSource.manager.findOneBy(IntakeDocument, { id: documentId });
    if (!doc || doc.status !== 'processing') return;
    try {
      await this.setProgress(documentId, 10, progress);
      const extraKeywords = (await this.keywords()).map((k) => ({ keyword: k.keyword, codes: k.codes }));
      const { drafts } = extractDrafts({ title: doc.title, text: doc.text, regionCode: doc.regionCode }, { extraKeywords });
      await this.setProgress(documentId, 80, progress);
      await this.dataSource.transaction(async (m) => {
        await m.delete(IntakeDraft, { documentId });
        if (drafts.length) {
          await m.insert(
            IntakeDraft,
            drafts.map((d, position) => ({
              documentId,
              position,
              kind: d.kind,
              fields: d.fields as never,
              evidence: d.evidence as never,
              confidence: d.confidence,
            })),
          );
        }
        await m.update(
          IntakeDocument,
          { id: documentId },
          { status: 'ready', progress: 100, processedAt: this.clock.now(), failure: null },
        );
      });
      await progress(100);
    } catch (err) {
      this.log.error({ documentId, err: (err as Error).message }, 'intake extraction failed');
      await this.dataSource.manager.update(
        IntakeDocument,
        { id: documentId },
        { status: 'failed', failure: `识别失败：${(err as Error).message}`.slice(0, 500), processedAt: this.clock.now() },
      );
    }
  }

  // ── Helpers ──

  private async setProgress(id: number, percent: number, report: (p: number) => Promise<void>) {
    await this.dataSource.manager.update(IntakeDocument, { id }, { progress: percent });
    await report(percent);
  }

  /** Where a new document belongs: as given (inside one's scope), else its own words' region if one covers it, else one's scope. */
  private regionFor(actor: Actor, title: string, text: string, given: string | undefined): string | null {
    if (given) {
      if (actor.role !== 'admin') this.access.assertRegionWritable(actor, given);
      return given;
    }
    const recognised = recogniseDocumentRegion(title, text);
    if (actor.role === 'admin') return recognised;
    return recognised && coversRegion(actor, recognised) ? recognised : actor.regionScope;
  }

  private async store(
    actor: Actor,
    input: {
      title: string;
      text: string;
      regionCode: string | null;
      sourceUrl: string;
      fileName: string;
      format: DocumentFormat;
      fileKey: string | null;
    },
  ): Promise<{ id: number }> {
    const regionCode = input.regionCode;
    return this.dataSource.transaction(async (m) => {
      const doc = m.create(IntakeDocument, {
        title: input.title.slice(0, 300),
        sourceUrl: input.sourceUrl,
        fileName: input.fileName,
        fileKey: input.fileKey,
        format: input.format,
        regionCode,
        regionPath: regionCode ? [...regions().path(regionCode)] : [],
        text: input.text,
        status: 'processing',
        progress: 0,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await m.insert(IntakeDocument, doc);
      await this.outbox.enqueue(m, extractDocumentJob.request({ documentId: doc.id }));
      await this.audit.record(m, {
        actor,
        action: 'intake.document_uploaded',
        target: { type: 'intake_document', id: doc.id, region: regionCode },
        detail: { format: input.format, characters: input.text.length },
      });
      return { id: doc.id };
    });
  }

  private async draftFor(actor: Actor, draftId: number): Promise<{ draft: IntakeDraft; document: IntakeDocument }> {
    if (!isStaff(actor)) throw draftNotFound();
    const draft = await this.queries.draft(draftId);
    if (!draft) throw draftNotFound();
    const document = await this.queries.document(actor, draft.documentId);
    if (!document) throw draftNotFound();
    return { draft, document };
  }

  /** The record → (document, draft, sentence) link, written in the accepting transaction. */
  private async linkSource(
    m: EntityManager,
    record: { type: string; id: number },
    document: IntakeDocument,
    draft: IntakeDraft,
  ): Promise<void> {
    const e = draft.evidence.find((x) => x.field === 'title' || x.field === 'kind') ?? draft.evidence[0];
    const [start, end] = e ? [e.start, e.end] : [0, 0];
    await m
      .createQueryBuilder()
      .insert()
      .into(IntakeRecordSource)
      .values({
        recordType: record.type as IntakeRecordSource['recordType'],
        recordId: record.id,
        documentId: document.id,
        draftId: draft.id,
        start,
        end,
        quote: sentenceAround(document.text, start, end),
        createdAt: this.clock.now(),
      })
      .orIgnore()
      .execute();
  }

  /** "来源：《title》第 n 字「quote」" — the link back from the record to the sentence it came from. */
  private sourceNote(document: IntakeDocument, evidence: DraftEvidence[]): string {
    const e = evidence.find((x) => x.field === 'title' || x.field === 'kind') ?? evidence[0];
    const at = e ? `第 ${e.start + 1}–${e.end} 字：「${sentenceAround(document.text, e.start, e.end)}」` : '';
    return `来源：文档《${document.title}》（/console/intake/${document.id}）${at}`.slice(0, 2000);
  }

  private async createProject(actor: Actor, m: EntityManager, document: IntakeDocument, draft: IntakeDraft, edits: AcceptDraftInput) {
    const f = { ...draft.fields, ...withoutUndefined(edits) } as Record<string, unknown>;
    const hint = typeof f.stage === 'string' ? f.stage : '';
    const candidate = {
      code: f.code ?? `INTAKE-${document.id}-${draft.id}`,
      title: f.title,
      description: f.description ?? this.sourceNote(document, draft.evidence),
      regionCode: f.regionCode,
      industryCodes: f.industryCodes,
      totalInvestmentYuan: f.investmentYuan ?? undefined,
      ...(f.landAreaMu !== undefined ? { landAreaMu: f.landAreaMu } : {}),
      stage: hint in STAGE_HINTS ? STAGE_HINTS[hint as keyof typeof STAGE_HINTS] : hint === 'planning' ? 'planning' : 'open',
    };
    const parsed = parseSafe(createProjectSchema, candidate);
    if (!parsed.ok) throw validationFailed(renamed(parsed.errors), '草稿不符合项目的填写要求，请修改后再采用');
    this.access.assertRegionWritable(actor, parsed.value.regionCode);
    const project = await this.projects.create(parsed.value, actor.userId, m);
    return { type: 'project' as const, id: project.id, region: project.regionCode };
  }

  private policyCandidate(document: IntakeDocument, fields: Record<string, unknown>, incentives: unknown[]) {
    return {
      title: fields.title,
      issuer: fields.issuer,
      regionCode: fields.regionCode ?? document.regionCode,
      validFrom: fields.validFrom,
      ...(fields.validTo !== undefined ? { validTo: fields.validTo } : {}),
      ...(fields.documentNumber !== undefined ? { documentNumber: fields.documentNumber } : {}),
      sourceText: document.text.slice(0, 50_000),
      sourceUrl: document.sourceUrl,
      incentives,
    };
  }

  private async createPolicy(
    actor: Actor,
    m: EntityManager,
    document: IntakeDocument,
    draft: IntakeDraft,
    edits: AcceptDraftInput,
    incentives: unknown[],
  ) {
    const parsed = parseSafe(
      createPolicySchema,
      this.policyCandidate(document, { ...draft.fields, ...withoutUndefined(edits) }, incentives),
    );
    if (!parsed.ok) throw validationFailed(parsed.errors, '草稿不符合政策的填写要求，请修改后再采用');
    this.access.assertRegionWritable(actor, parsed.value.regionCode);
    const policy = await this.policies.create(parsed.value, m);
    return { type: 'policy', id: policy.id, region: policy.regionCode };
  }

  private async createIncentive(actor: Actor, m: EntityManager, document: IntakeDocument, draft: IntakeDraft, edits: AcceptDraftInput) {
    const f = { ...draft.fields, ...withoutUndefined(edits) } as Record<string, unknown>;
    const parsed = parseSafe(incentiveSchema, {
      kind: f.kind,
      title: f.title,
      description:
        typeof f.description === 'string' ? `${f.description}\n${this.sourceNote(document, draft.evidence)}`.slice(0, 5000) : undefined,
      conditions: f.conditions,
      maxAmountYuan: f.maxAmountYuan ?? null,
      ...(f.grantedWithoutApplication !== undefined ? { grantedWithoutApplication: f.grantedWithoutApplication } : {}),
    });
    if (!parsed.ok) throw validationFailed(parsed.errors, '草稿不符合扶持措施的填写要求，请修改后再采用');
    // Into the policy asked for, else the document's accepted policy, else a new policy made from the document's policy draft.
    let policyId = edits.policyId ?? null;
    if (!policyId) {
      const policyDraft = await m.findOne(IntakeDraft, {
        where: { documentId: document.id, kind: 'policy' },
        order: { position: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (policyDraft?.status === 'accepted' && policyDraft.createdId) policyId = policyDraft.createdId;
      else {
        const fields = policyDraft?.fields ?? { title: document.title, issuer: '', regionCode: document.regionCode, validFrom: null };
        const candidate = parseSafe(createPolicySchema, this.policyCandidate(document, fields, [parsed.value]));
        if (!candidate.ok)
          throw validationFailed(
            candidate.errors.map((e) => ({ ...e, field: `policy.${e.field}` })),
            '请先采用本文档的政策草稿（补全发文单位、生效日期）',
          );
        this.access.assertRegionWritable(actor, candidate.value.regionCode, 'policy.regionCode');
        const policy = await this.policies.create(candidate.value, m);
        if (policyDraft && policyDraft.status === 'proposed') {
          await m.update(
            IntakeDraft,
            { id: policyDraft.id },
            { status: 'accepted', createdType: 'policy', createdId: policy.id, decidedBy: actor.userId, decidedAt: this.clock.now() },
          );
        }
        const incentive = policy.incentives?.[policy.incentives.length - 1];
        return {
          type: 'incentive',
          id: incentive?.id ?? policy.id,
          region: policy.regionCode,
          policyFrom: { policyId: policy.id, draft: policyDraft ?? draft },
        };
      }
    }
    const target = await this.access.policy(actor, policyId, 'write', m);
    const incentive = await this.policies.addIncentive(policyId, parsed.value, m);
    return { type: 'incentive', id: incentive.id, region: target.regionCode };
  }
}

/** What accepting a draft created (and, for an incentive, the policy made for it from the document's policy draft). */
interface Created {
  type: string;
  id: number;
  region: string;
  policyFrom?: { policyId: number; draft: IntakeDraft };
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'policyId')) as Partial<T>;
}

/** The sentence around an evidence span (for the source note), at most 120 characters. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 80);
  const from = Math.max(before.search(/[^。！？；\n]*$/u), 0);
  const to = after.search(/[。！？；\n]/u);
  return (before.slice(from) + text.slice(start, end) + (to >= 0 ? after.slice(0, to + 1) : after)).slice(0, 120);
}
