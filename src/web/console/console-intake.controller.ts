import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import type { IntakeDocument } from '../../intake/intake-document.entity.js';
import type { IntakeDraft } from '../../intake/intake-draft.entity.js';
import { DOCUMENT_FORMATS, DOCUMENT_STATUSES, DRAFT_KINDS, DRAFT_STATUSES } from '../../intake/intake.vocabulary.js';
import { IntakeService, type UploadedFile } from '../../intake/intake.service.js';
import { findAmounts } from '../../intake/recognition/amounts.js';
import { ProblemException } from '../../platform/http/problem.js';
import { INCENTIVE_KINDS } from '../../policies/policy.vocabulary.js';
import { regions } from '../../reference/regions.js';
import { errorMap, field, fields, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { codeChip, pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

/** One stretch of the document's text, and the drafts whose evidence covers it. */
interface Segment {
  /** Offset of the segment in the document's text (the anchor `#at-<start>` a record's 来源 links to). */
  start: number;
  text: string;
  drafts: number[];
  fields: string[];
}

/** What a piece of evidence supports, as the review page says it. */
const EVIDENCE_LABELS: Record<string, string> = {
  title: '名称',
  investmentYuan: '投资额',
  regionCode: '地区',
  industryCodes: '行业',
  kind: '扶持措施',
  maxAmountYuan: '金额',
  conditions: '适用条件',
  issuer: '发文单位',
};

/** The text cut at every evidence boundary, so each piece is highlighted with the drafts it supports. */
export function segments(text: string, drafts: IntakeDraft[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const d of drafts)
    for (const e of d.evidence) if (e.start >= 0 && e.end <= text.length && e.start < e.end) cuts.add(e.start).add(e.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = drafts.filter((d) => d.status !== 'rejected' && d.evidence.some((e) => e.start <= a && e.end >= b));
    out.push({
      start: a,
      text: text.slice(a, b),
      drafts: covering.map((d) => d.id),
      fields: [
        ...new Set(
          covering.flatMap((d) => d.evidence.filter((e) => e.start <= a && e.end >= b).map((e) => EVIDENCE_LABELS[e.field] ?? e.field)),
        ),
      ],
    });
  }
  return out;
}

/** "14.85" + "亿元" → 1485000000, exactly; '' → null. */
function amountOf(number: string, unit: string): { ok: true; value: number | null } | { ok: false } {
  const n = number.trim().replace(/[,，\s]/g, '');
  if (!n) return { ok: true, value: null };
  if (!/^\d+(?:\.\d+)?$/.test(n)) return { ok: false };
  const found = findAmounts(`${n}${unit === '亿元' ? '亿元' : '万元'}`);
  return found.length === 1 ? { ok: true, value: found[0].value } : { ok: false };
}

/** The amount as the form shows it: 亿元 when whole hundred-millions or more, else 万元. */
export function amountField(yuan: unknown): { number: string; unit: '万元' | '亿元' } {
  if (typeof yuan !== 'number' || !yuan) return { number: '', unit: '万元' };
  if (yuan >= 100_000_000) return { number: String(yuan / 100_000_000), unit: '亿元' };
  return { number: String(yuan / 10_000), unit: '万元' };
}

/** `?at=<start>&to=<end>`: the span a record's 来源 link points at (highlighted as current), or null. */
function spanOf(q: FormBody): { start: number; end: number } | null {
  const [start, end] = [Number(field(q, 'at')), Number(field(q, 'to') || field(q, 'at'))];
  return field(q, 'at') && Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0
    ? { start, end: Math.max(end, start + 1) }
    : null;
}

const FIELD_RENAME = (f: string) => (f.startsWith('industryCodes') ? 'industryCodes' : f === 'regionCode' ? 'region' : f);

/**
 * Console: 文档识别 — upload a 政府工作报告 / 招商 article / 政策文件 (file or pasted text), the list of
 * documents, and a review page per document: its text with each draft's evidence highlighted and per
 * draft an editable form (region and industry pickers, 万元/亿元), 采用 or 忽略.
 */
@ApiExcludeController()
@Controller('console/intake')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleIntakeController {
  constructor(
    private readonly pages: Pages,
    private readonly intake: IntakeService,
  ) {}

  @Get()
  async index(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.renderIndex(req, res, { title: '', text: '', sourceUrl: '' }, req.actor!.regionScope ?? '', {});
  }

  @Post()
  async upload(@Req() req: AuthedRequest & { file?: UploadedFile }, @Res() res: Response) {
    const b = req.body as FormBody;
    const values = { title: field(b, 'title'), text: typeof b.text === 'string' ? b.text : '', sourceUrl: field(b, 'sourceUrl') };
    const region = pickFrom('regions', 'region', b);
    if (field(b, '_action') === 'refresh') return this.renderIndex(req, res, values, region, {}, 200);
    try {
      const { id } = req.file?.size
        ? await this.intake.upload(req.actor!, req.file, { title: values.title, regionCode: region, sourceUrl: values.sourceUrl })
        : values.text.trim()
          ? await this.intake.submit(req.actor!, {
              title: values.title || values.text.trim().split('\n')[0].slice(0, 300),
              text: values.text,
              ...(region ? { regionCode: region } : {}),
              sourceUrl: values.sourceUrl,
            })
          : await this.intake.upload(req.actor!, req.file, {});
      this.pages.redirect(res, `/console/intake/${id}`, 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500) {
        return this.renderIndex(
          req,
          res,
          values,
          region,
          err.errors?.length ? errorMap(err.errors, FIELD_RENAME) : { _form: [err.message] },
          err.status,
        );
      }
      throw err;
    }
  }

  @Get(':id')
  async show(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '文档');
    await this.renderReview(req, res, id, null, {});
  }

  @Post('drafts/:id/accept')
  async accept(@Req() req: AuthedRequest, @Res() res: Response) {
    const draftId = idOf(req.params.id as string, '草稿');
    const b = req.body as FormBody;
    const documentId = idOf(field(b, 'documentId'), '文档');
    const edits: Record<string, unknown> = {};
    const errors: ErrorMap = {};
    const kind = field(b, 'draftKind');
    if (field(b, '_action') === 'refresh') return this.renderReview(req, res, documentId, { draftId, values: b }, {}, 200);
    if (kind === 'project' || kind === 'policy') {
      edits.title = field(b, 'title');
      const region = pickFrom('regions', 'region', b);
      if (region) edits.regionCode = region;
    }
    if (kind === 'project') {
      const industry = pickFrom('industries', 'industry', b);
      edits.industryCodes = [...new Set([...fields(b, 'industryCodes'), ...(industry ? [industry] : [])])];
      const amount = amountOf(field(b, 'amount'), field(b, 'amountUnit'));
      if (!amount.ok) errors.investmentYuan = ['请输入数字金额，如 14.85'];
      else edits.investmentYuan = amount.value;
      if (field(b, 'code')) edits.code = field(b, 'code');
    } else if (kind === 'policy') {
      edits.issuer = field(b, 'issuer');
      edits.validFrom = field(b, 'validFrom') || null;
    } else if (kind === 'incentive') {
      edits.kind = field(b, 'kind');
      edits.title = field(b, 'title');
      const amount = amountOf(field(b, 'amount'), field(b, 'amountUnit'));
      if (!amount.ok) errors.maxAmountYuan = ['请输入数字金额，如 500'];
      else edits.maxAmountYuan = amount.value;
    }
    if (Object.keys(errors).length) return this.renderReview(req, res, documentId, { draftId, values: b }, errors, 400);
    try {
      await this.intake.accept(req.actor!, draftId, edits);
      this.pages.redirect(res, `/console/intake/${documentId}#d-${draftId}`, 'draftAccepted');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404) {
        const map = err.errors?.length ? errorMap(err.errors, FIELD_RENAME) : { _form: [err.message] };
        return this.renderReview(req, res, documentId, { draftId, values: b }, map, err.status);
      }
      throw err;
    }
  }

  @Post('drafts/:id/reject')
  async reject(@Req() req: AuthedRequest, @Res() res: Response) {
    const draftId = idOf(req.params.id as string, '草稿');
    const documentId = idOf(field(req.body as FormBody, 'documentId'), '文档');
    await this.intake.reject(req.actor!, draftId);
    this.pages.redirect(res, `/console/intake/${documentId}`, 'draftRejected');
  }

  private async renderIndex(
    req: AuthedRequest,
    res: Response,
    values: { title: string; text: string; sourceUrl: string },
    region: string,
    errors: ErrorMap,
    status?: number,
  ) {
    const state = listState(req.query as FormBody);
    const documents = await this.intake.list(req.actor!, { page: state.page, pageSize: state.pageSize });
    this.pages.send(
      req,
      res,
      'console/intake',
      {
        listState: state,
        values,
        regionPicker: pickerModel('regions', 'region', region, '文档所属地区（不选则按标题自动识别）'),
        documents,
        statuses: DOCUMENT_STATUSES,
        formats: DOCUMENT_FORMATS,
        regionName: (code: string | null) => (code ? regions().fullName(code) : '—'),
      },
      { title: '文档识别', status, errors },
    );
  }

  private async renderReview(
    req: AuthedRequest,
    res: Response,
    documentId: number,
    editing: { draftId: number; values: FormBody } | null,
    errors: ErrorMap,
    status?: number,
  ) {
    const { document, drafts } = await this.intake.read(req.actor!, documentId);
    const forms = drafts.map((d) => this.draftForm(d, editing?.draftId === d.id ? editing.values : null));
    this.pages.send(
      req,
      res,
      'console/intake-document',
      {
        document,
        processing: document.status === 'processing',
        statuses: DOCUMENT_STATUSES,
        segments: segments(document.text, drafts),
        at: spanOf(req.query as FormBody),
        forms,
        kinds: DRAFT_KINDS,
        draftStatuses: DRAFT_STATUSES,
        incentiveKinds: Object.entries(INCENTIVE_KINDS),
        editingId: editing?.draftId ?? null,
        regionName: document.regionCode ? regions().fullName(document.regionCode) : '未识别',
      },
      { title: `文档识别：${document.title}`, status, errors: editing ? errors : {} },
    );
  }

  /** The form model of one draft: its fields, or what was posted when the form comes back with errors. */
  private draftForm(d: IntakeDraft, posted: FormBody | null) {
    const f = d.fields as Record<string, any>;
    const amountYuan = d.kind === 'project' ? f.investmentYuan : f.maxAmountYuan;
    const amount = posted
      ? { number: field(posted, 'amount'), unit: field(posted, 'amountUnit') === '亿元' ? '亿元' : '万元' }
      : amountField(amountYuan);
    const region = posted ? pickFrom('regions', 'region', posted) : (f.regionCode ?? '');
    const industryCodes: string[] = posted ? fields(posted, 'industryCodes') : (f.industryCodes ?? []);
    const industry = posted ? pickFrom('industries', 'industry', posted) : '';
    return {
      draft: d,
      title: posted ? field(posted, 'title') : String(f.title ?? ''),
      amount,
      regionPicker: pickerModel('regions', 'region', region, '地区'),
      industryChips: industryCodes.map((c) => codeChip('industries', c)),
      industryPicker: pickerModel('industries', 'industry', industry, '添加行业'),
      issuer: posted ? field(posted, 'issuer') : String(f.issuer ?? ''),
      validFrom: posted ? field(posted, 'validFrom') : String(f.validFrom ?? ''),
      incentiveKind: posted ? field(posted, 'kind') : String(f.kind ?? ''),
      stage: f.stage ?? null,
      conditions: Array.isArray(f.conditions) ? f.conditions : [],
      quote: d.evidence.find((e) => e.field === 'title' || e.field === 'kind')?.quote ?? '',
    };
  }
}

export type ReviewDocument = IntakeDocument;
