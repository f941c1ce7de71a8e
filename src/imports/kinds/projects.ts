import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion } from '../../access/actor.js';
import { shanghaiDate } from '../../platform/format/units.js';
import type { FieldError } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { createProjectSchema, type CreateProjectInput } from '../../projects/project.schemas.js';
import { ProjectsService } from '../../projects/projects.service.js';
import { PROJECT_STAGES } from '../../projects/project.vocabulary.js';
import type { ImportKindSpec } from '../columns.js';
import { addError, type ImportContext, type ImportKind, type ParsedRow, type WriteResult } from './kind.js';
import { withSavepoint } from './rows.js';

export const PROJECT_COLUMNS: ImportKindSpec = {
  requiredFields: ['code', 'title', 'regionCode', 'industryCodes', 'totalInvestmentYuan'],
  columns: [
    {
      field: 'code',
      header: '项目编号',
      aliases: ['code', '编号'],
      col: { type: 'text' },
      required: true,
      example: 'WS-2026-001',
      note: '本局的项目编号，全平台唯一；重复导入按编号识别',
    },
    {
      field: 'title',
      header: '项目名称',
      aliases: ['title', '名称'],
      col: { type: 'text' },
      required: true,
      example: '尉氏县生猪现代农业产业园',
    },
    { field: 'description', header: '项目简介', aliases: ['description'], col: { type: 'text' }, example: '发展农产品精深加工' },
    {
      field: 'regionCode',
      header: '所在地区划代码',
      aliases: ['regionCode', '地区代码'],
      col: { type: 'text' },
      required: true,
      example: '410223',
      note: '须在本招商局辖区内',
    },
    {
      field: 'industryCodes',
      header: '行业代码',
      aliases: ['industryCodes', 'industries'],
      col: { type: 'list' },
      required: true,
      example: 'A0313、C1351',
    },
    {
      field: 'totalInvestmentYuan',
      header: '总投资（万元）',
      aliases: ['totalInvestmentWanYuan'],
      col: { type: 'wanyuan' },
      required: true,
      example: '50000',
    },
    {
      field: 'totalInvestmentYuan',
      header: '总投资（元）',
      aliases: ['totalInvestmentYuan'],
      col: { type: 'yuan' },
      example: '500000000',
      note: '与“总投资（万元）”二选一',
    },
    { field: 'landAreaMu', header: '用地面积（亩）', aliases: ['landAreaMu'], col: { type: 'decimal' }, example: '300' },
    {
      field: 'contactInfo',
      header: '联系方式',
      aliases: ['contactInfo'],
      col: { type: 'text' },
      example: '尉氏县投资促进局 0371-00000000',
    },
    {
      field: 'stage',
      header: '阶段',
      aliases: ['stage'],
      col: { type: 'enum', labels: { planning: PROJECT_STAGES.planning, open: PROJECT_STAGES.open } },
      example: '招商中',
      note: '谋划 或 招商中（之后的阶段在系统中推进）',
    },
    { field: 'stageSince', header: '阶段起始日期', aliases: ['stageSince'], col: { type: 'date' }, example: '2026-01-05' },
  ],
};

/**
 * Projects (招商项目, imported as drafts): each row validated with the API's createProjectSchema
 * and the same region rule, then created through ProjectsService (stage history, matching trigger)
 * — projects are few, so row by row, each in a savepoint. An existing project code is left as it is.
 */
@Injectable()
export class ProjectImport implements ImportKind<CreateProjectInput> {
  readonly spec = PROJECT_COLUMNS;

  constructor(private readonly projects: ProjectsService) {}

  parse(input: Record<string, unknown>) {
    const r = parseSafe(createProjectSchema, input);
    return r.ok ? { ok: true as const, value: r.value } : { ok: false as const, errors: r.errors };
  }

  key(v: CreateProjectInput): string {
    return v.code;
  }

  keyField(): string {
    return 'code';
  }

  async check(rows: ParsedRow<CreateProjectInput>[], ctx: ImportContext, m: EntityManager) {
    const errors = new Map<number, FieldError[]>();
    const today = shanghaiDate(ctx.now);
    for (const r of rows) {
      if (!coversRegion(ctx.actor, r.value.regionCode))
        addError(errors, r.line, { field: 'regionCode', code: 'outside_region', message: '超出本招商局的辖区' });
      if (r.value.stageSince && r.value.stageSince > today)
        addError(errors, r.line, { field: 'stageSince', code: 'future', message: '日期不能晚于今天' });
    }
    const found: Array<{ code: string }> = await m.query(`SELECT code FROM project WHERE code = ANY($1::varchar[])`, [
      rows.map((r) => r.key),
    ]);
    return { errors, existing: new Set(found.map((f) => f.code)) };
  }

  async write(rows: ParsedRow<CreateProjectInput>[], ctx: ImportContext, m: EntityManager): Promise<WriteResult> {
    const out: WriteResult = { created: 0, existing: 0, errors: [] };
    for (const [i, r] of rows.entries()) {
      const result = await withSavepoint(m, () => this.projects.create(r.value, ctx.actor.userId, m));
      if (result.ok) out.created++;
      else if (result.errors.some((e) => e.code === 'duplicate')) out.existing++;
      else out.errors.push({ line: r.line, errors: result.errors });
      if (i % 200 === 199) await ctx.progress(i + 1);
    }
    return out;
  }
}
