import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion } from '../../access/actor.js';
import { shanghaiDate } from '../../platform/format/units.js';
import type { FieldError } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { regions } from '../../reference/regions.js';
import { importLeadRowSchema, type ImportLeadRow } from '../../leads/lead.schemas.js';
import { LEAD_STAGES, PIPELINE, type LeadStage } from '../../leads/lead.vocabulary.js';
import { LeadsService } from '../../leads/leads.service.js';
import type { ImportKindSpec } from '../columns.js';
import { addError, type ImportContext, type ImportKind, type ParsedRow, type WriteResult } from './kind.js';
import { withSavepoint } from './rows.js';

export const LEAD_COLUMNS: ImportKindSpec = {
  requiredFields: ['uscc'],
  columns: [
    {
      field: 'ref',
      header: '线索编号',
      aliases: ['ref', 'leadNo'],
      col: { type: 'text' },
      example: 'XS-2026-001',
      note: '本局的线索编号（可选）；填写后重复导入按编号识别，否则按企业 + 项目（或意向地区）识别',
    },
    {
      field: 'uscc',
      header: '统一社会信用代码',
      aliases: ['uscc', '信用代码'],
      col: { type: 'text' },
      required: true,
      example: '91410223MA9XXXXXXX',
      note: '企业须已入驻（可先导入企业）',
    },
    {
      field: 'projectCode',
      header: '项目编号',
      aliases: ['projectCode'],
      col: { type: 'text' },
      example: 'WS-2026-001',
      note: '与“意向地区代码”二选一',
    },
    {
      field: 'regionCode',
      header: '意向地区代码',
      aliases: ['regionCode'],
      col: { type: 'text' },
      example: '410223',
      note: '没有具体项目时填写；须在本辖区内',
    },
    {
      field: 'ownerEmail',
      header: '负责人邮箱',
      aliases: ['ownerEmail', 'owner'],
      col: { type: 'text' },
      example: 'officer@example.com',
      note: '不填则按分派规则自动分派',
    },
    {
      field: 'stage',
      header: '阶段',
      aliases: ['stage'],
      col: { type: 'enum', labels: LEAD_STAGES },
      example: '已签约',
      note: Object.values(LEAD_STAGES).join('、'),
    },
    {
      field: 'expectedInvestmentYuan',
      header: '意向投资额（万元）',
      aliases: ['expectedInvestmentWanYuan'],
      col: { type: 'wanyuan' },
      example: '20000',
    },
    {
      field: 'expectedInvestmentYuan',
      header: '意向投资额（元）',
      aliases: ['expectedInvestmentYuan'],
      col: { type: 'yuan' },
      example: '200000000',
    },
    { field: 'contactedOn', header: '接洽日期', aliases: ['contactedOn'], col: { type: 'date' }, example: '2026-01-02' },
    { field: 'negotiatingOn', header: '考察洽谈日期', aliases: ['negotiatingOn'], col: { type: 'date' }, example: '2026-01-03' },
    { field: 'signedOn', header: '签约日期', aliases: ['signedOn'], col: { type: 'date' }, example: '2026-01-04' },
    { field: 'signedAmountYuan', header: '签约金额（万元）', aliases: ['signedAmountWanYuan'], col: { type: 'wanyuan' }, example: '20000' },
    { field: 'signedAmountYuan', header: '签约金额（元）', aliases: ['signedAmountYuan'], col: { type: 'yuan' }, example: '200000000' },
    { field: 'startedOn', header: '开工日期', aliases: ['startedOn'], col: { type: 'date' }, example: '' },
    { field: 'startedAmountYuan', header: '开工金额（万元）', aliases: ['startedAmountWanYuan'], col: { type: 'wanyuan' }, example: '' },
    { field: 'startedAmountYuan', header: '开工金额（元）', aliases: ['startedAmountYuan'], col: { type: 'yuan' }, example: '' },
    { field: 'producingOn', header: '投产日期', aliases: ['producingOn'], col: { type: 'date' }, example: '' },
    {
      field: 'producingAmountYuan',
      header: '投产金额（万元）',
      aliases: ['producingAmountWanYuan'],
      col: { type: 'wanyuan' },
      example: '',
    },
    { field: 'producingAmountYuan', header: '投产金额（元）', aliases: ['producingAmountYuan'], col: { type: 'yuan' }, example: '' },
    { field: 'lostOn', header: '流失日期', aliases: ['lostOn'], col: { type: 'date' }, example: '' },
    { field: 'lostReason', header: '流失原因', aliases: ['lostReason'], col: { type: 'text' }, example: '' },
    { field: 'nextFollowUpOn', header: '下次跟进日期', aliases: ['nextFollowUpOn'], col: { type: 'date' }, example: '' },
    { field: 'note', header: '备注', aliases: ['note'], col: { type: 'text' }, example: '2026 年春季招商推介会对接' },
    // what the lead export adds for people to read; ignored when the file comes back
    ...['企业名称', '项目名称', '地区', '负责人', '来源', '创建日期', '最近跟进', '系统编号'].map((header) => ({
      field: `(${header})`,
      header,
      col: { type: 'text' as const },
      example: '',
      informational: true,
    })),
  ],
};

interface LeadRefs {
  enterpriseId: number;
  projectId: number | null;
  regionCode: string;
  ownerId?: number;
}

const DATE_FIELDS = ['contactedOn', 'negotiatingOn', 'signedOn', 'startedOn', 'producingOn', 'lostOn'] as const;
const midnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * Leads from a bureau's 台账: the enterprise by USCC, the project by code (or a region of
 * interest), an owner by e-mail (or the assignment rules), and the history so far, replayed
 * through the same pipeline rules as the API (so a signed project still counts once). Each row is
 * written in a savepoint; the stage changes are audited once, as the import.
 */
@Injectable()
export class LeadImport implements ImportKind<ImportLeadRow & { refs?: LeadRefs }> {
  readonly spec = LEAD_COLUMNS;

  constructor(private readonly leads: LeadsService) {}

  parse(input: Record<string, unknown>) {
    const r = parseSafe(importLeadRowSchema, input);
    return r.ok ? { ok: true as const, value: r.value } : { ok: false as const, errors: r.errors };
  }

  key(v: ImportLeadRow, actor: { regionScope: string | null }): string {
    if (v.ref) return `ref:${actor.regionScope ?? 'all'}:${v.ref}`;
    return v.projectCode ? `${v.uscc}|P:${v.projectCode}` : `${v.uscc}|R:${v.regionCode}`;
  }

  keyField(v: ImportLeadRow): string {
    return v.ref ? 'ref' : 'uscc';
  }

  async check(rows: ParsedRow<ImportLeadRow & { refs?: LeadRefs }>[], ctx: ImportContext, m: EntityManager) {
    const errors = new Map<number, FieldError[]>();
    const today = shanghaiDate(ctx.now);
    const enterprises = new Map<string, number>(
      (
        await m.query(`SELECT id, uscc FROM enterprise WHERE uscc = ANY($1::char(18)[])`, [[...new Set(rows.map((r) => r.value.uscc))]])
      ).map((e: { id: number; uscc: string }) => [e.uscc, e.id]),
    );
    const codes = [...new Set(rows.map((r) => r.value.projectCode).filter(Boolean))];
    const projects = new Map<string, { id: number; region_code: string }>(
      (codes.length ? await m.query(`SELECT id, code, region_code FROM project WHERE code = ANY($1::varchar[])`, [codes]) : []).map(
        (p: { id: number; code: string; region_code: string }) => [p.code, p],
      ),
    );
    const emails = [...new Set(rows.map((r) => r.value.ownerEmail).filter(Boolean))];
    const owners = new Map<string, { id: number; role: string; active: boolean; region_code: string | null }>(
      (emails.length
        ? await m.query(
            `SELECT u.id, u.email, u.role, u.active, b.region_code FROM app_user u LEFT JOIN bureau b ON b.id = u.bureau_id WHERE u.email = ANY($1::varchar[])`,
            [emails],
          )
        : []
      ).map((u: { id: number; email: string; role: string; active: boolean; region_code: string | null }) => [u.email, u]),
    );
    for (const r of rows) {
      const v = r.value;
      const err = (field: string, code: string, message: string) => addError(errors, r.line, { field, code, message });
      const enterpriseId = enterprises.get(v.uscc);
      if (!enterpriseId) err('uscc', 'unknown_enterprise', '企业尚未入驻（可先导入企业）');
      let regionCode = v.regionCode ?? null;
      let projectId: number | null = null;
      if (v.projectCode) {
        const p = projects.get(v.projectCode);
        // a project outside the importer's region reads like an unknown one
        if (!p || !coversRegion(ctx.actor, p.region_code)) err('projectCode', 'unknown_project', '项目不存在');
        else {
          projectId = p.id;
          regionCode = p.region_code;
        }
      } else if (regionCode && !coversRegion(ctx.actor, regionCode)) {
        err('regionCode', 'outside_region', '超出本招商局的辖区');
      }
      let ownerId: number | undefined;
      if (v.ownerEmail) {
        const u = owners.get(v.ownerEmail);
        if (!u || !u.active || (u.role !== 'officer' && u.role !== 'bureau_lead') || !u.region_code)
          err('ownerEmail', 'not_an_officer', '负责人须是在职的招商专员或局负责人');
        else if (regionCode && !regions().isWithin(regionCode, u.region_code))
          err('ownerEmail', 'outside_region', '负责人所在招商局的辖区不包含该线索的地区');
        else if (ctx.actor.role === 'officer' && u.id !== ctx.actor.userId) err('ownerEmail', 'forbidden', '招商专员只能把线索分给自己');
        else ownerId = u.id;
      }
      for (const f of DATE_FIELDS) if (v[f] && v[f]! > today) err(f, 'future', '日期不能晚于今天');
      if (v.nextFollowUpOn && v.nextFollowUpOn < today) err('nextFollowUpOn', 'past', '下次跟进日期不能早于今天');
      if (enterpriseId && regionCode) r.value.refs = { enterpriseId, projectId, regionCode, ownerId };
    }
    // existing: the same key imported before, or — for rows without a lead number — any lead of the
    // same enterprise on the same project (or region of interest), however it was created
    const keys = rows.map((r) => r.key);
    const found: Array<{ import_key: string }> = await m.query(`SELECT import_key FROM lead WHERE import_key = ANY($1::varchar[])`, [keys]);
    const existing = new Set(found.map((f) => f.import_key));
    const pairs = rows.filter((r) => !r.value.ref && r.value.refs);
    if (pairs.length) {
      const hits: Array<{ i: number }> = await m.query(
        `SELECT t.i FROM unnest($1::int[], $2::int[], $3::char(6)[], $4::int[]) AS t(i, enterprise_id, region_code, project_id)
         WHERE EXISTS (SELECT 1 FROM lead l WHERE l.enterprise_id = t.enterprise_id
           AND (CASE WHEN t.project_id IS NULL THEN l.project_id IS NULL AND l.region_code = t.region_code ELSE l.project_id = t.project_id END))`,
        [
          pairs.map((_, i) => i),
          pairs.map((r) => r.value.refs!.enterpriseId),
          pairs.map((r) => r.value.refs!.regionCode),
          pairs.map((r) => r.value.refs!.projectId),
        ],
      );
      for (const h of hits) existing.add(pairs[h.i].key);
    }
    return { errors, existing };
  }

  async write(rows: ParsedRow<ImportLeadRow & { refs?: LeadRefs }>[], ctx: ImportContext, m: EntityManager): Promise<WriteResult> {
    const out: WriteResult = { created: 0, existing: 0, errors: [] };
    for (const [i, r] of rows.entries()) {
      const v = r.value;
      const refs = v.refs!;
      const dates = DATE_FIELDS.map((f) => v[f])
        .filter((d): d is string => !!d)
        .sort();
      const result = await withSavepoint(m, async () => {
        const lead = await this.leads.insert(m, {
          enterpriseId: refs.enterpriseId,
          projectId: refs.projectId,
          regionCode: refs.regionCode,
          source: 'import',
          ownerId: refs.ownerId,
          expectedInvestmentYuan: v.expectedInvestmentYuan ?? null,
          nextFollowUpOn: v.nextFollowUpOn ?? null,
          note: v.note,
          importKey: r.key,
          createdAt: dates.length ? new Date(Math.min(midnight(dates[0]).getTime(), ctx.now.getTime())) : ctx.now,
          actor: ctx.actor,
        });
        if (!lead.created) return false;
        const lastActivityAt = dates.length ? midnight(dates[dates.length - 1]) : null;
        await this.leads.replayHistory(m, ctx.actor, lead.id, this.steps(v), lastActivityAt);
        return true;
      });
      if (!result.ok) out.errors.push({ line: r.line, errors: result.errors });
      else if (result.value) out.created++;
      else out.existing++;
      if (i % 100 === 99) await ctx.progress(i + 1);
    }
    return out;
  }

  /** The stage changes that bring a new lead to the row's stage, with their dates and amounts. */
  private steps(v: ImportLeadRow) {
    const out: Array<{ stage: LeadStage; at?: string; amountYuan?: number; lostReason?: string }> = [];
    const target = v.stage;
    const pre: Array<[LeadStage, string | undefined]> = [
      ['contacted', v.contactedOn],
      ['negotiating', v.negotiatingOn],
    ];
    const limit = target === 'lost' ? PIPELINE.indexOf('negotiating') : PIPELINE.indexOf(target);
    for (const [stage, at] of pre) {
      if (PIPELINE.indexOf(stage) > limit) continue;
      // a stage before the target without a date was skipped; the target itself is reached (today if undated)
      if (at || stage === target) out.push({ stage, at });
    }
    if (['signed', 'started', 'producing'].includes(target)) out.push({ stage: 'signed', at: v.signedOn, amountYuan: v.signedAmountYuan });
    if (['started', 'producing'].includes(target)) out.push({ stage: 'started', at: v.startedOn, amountYuan: v.startedAmountYuan });
    if (target === 'producing') out.push({ stage: 'producing', at: v.producingOn, amountYuan: v.producingAmountYuan });
    if (target === 'lost') out.push({ stage: 'lost', at: v.lostOn, lostReason: v.lostReason });
    return out;
  }
}
