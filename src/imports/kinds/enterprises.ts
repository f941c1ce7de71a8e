import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy.js';
import { coversRegion, type Actor } from '../../access/actor.js';
import type { Enterprise } from '../../enterprises/enterprise.entity.js';
import {
  registerEnterpriseSchema,
  updateEnterpriseSchema,
  usccSchema,
  type RegisterEnterpriseInput,
  type UpdateEnterpriseInput,
} from '../../enterprises/enterprise.schemas.js';
import { enterpriseRecord, type EnterpriseRecord } from '../../enterprises/enterprise-bulk.js';
import { EnterprisesService } from '../../enterprises/enterprises.service.js';
import { CERTIFICATION_KINDS, ENTERPRISE_SIZES, NOTIFICATION_FREQUENCIES } from '../../enterprises/enterprise.vocabulary.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import type { ImportKindSpec } from '../columns.js';
import { addError, type ImportContext, type ImportKind, type ParsedRow, type WriteResult } from './kind.js';
import { withSavepoint } from './rows.js';
import type { FieldError } from '../../platform/http/problem.js';

export const ENTERPRISE_COLUMNS: ImportKindSpec = {
  requiredFields: ['uscc', 'name', 'industryCodes', 'homeRegionCode', 'contacts[0].name'],
  columns: [
    {
      field: 'uscc',
      header: '统一社会信用代码',
      aliases: ['uscc', '信用代码', '社会信用代码'],
      col: { type: 'text' },
      required: true,
      example: '91410223MA9XXXXXXX',
      note: '18 位，末位为校验码',
    },
    {
      field: 'name',
      header: '企业名称',
      aliases: ['name', '名称'],
      col: { type: 'text' },
      required: true,
      example: '河南牧丰农牧科技有限公司',
    },
    {
      field: 'industryCodes',
      header: '行业代码',
      aliases: ['industryCodes', 'industries', '所属行业代码'],
      col: { type: 'list' },
      required: true,
      example: 'A0313、C1351',
      note: 'GB/T 4754-2017 代码，多个用顿号、逗号或空格分隔',
    },
    {
      field: 'homeRegionCode',
      header: '注册地区划代码',
      aliases: ['homeRegionCode', '注册地代码', '所在地区划代码'],
      col: { type: 'text' },
      required: true,
      example: '410223',
      note: 'GB/T 2260 六位代码',
    },
    {
      field: 'targetRegionCodes',
      header: '意向投资地区代码',
      aliases: ['targetRegionCodes', '意向地区代码'],
      col: { type: 'list' },
      example: '410200',
    },
    {
      field: 'investmentMinYuan',
      header: '最低投资额（万元）',
      aliases: ['investmentMinWanYuan'],
      col: { type: 'wanyuan' },
      example: '5000',
    },
    { field: 'investmentMinYuan', header: '最低投资额（元）', aliases: ['investmentMinYuan'], col: { type: 'yuan' }, example: '50000000' },
    {
      field: 'investmentMaxYuan',
      header: '最高投资额（万元）',
      aliases: ['investmentMaxWanYuan'],
      col: { type: 'wanyuan' },
      example: '30000',
    },
    { field: 'investmentMaxYuan', header: '最高投资额（元）', aliases: ['investmentMaxYuan'], col: { type: 'yuan' }, example: '300000000' },
    {
      field: 'size',
      header: '企业规模',
      aliases: ['size'],
      col: { type: 'enum', labels: ENTERPRISE_SIZES },
      example: '中型',
      note: Object.values(ENTERPRISE_SIZES).join('、'),
    },
    {
      field: 'certifications',
      header: '资质认定',
      aliases: ['certifications'],
      col: { type: 'enumList', labels: CERTIFICATION_KINDS, as: 'kind' },
      example: '产教融合型企业',
      note: `申报（待核验）：${Object.values(CERTIFICATION_KINDS).join('、')}`,
    },
    { field: 'needLandMu', header: '用地需求（亩）', aliases: ['needLandMu'], col: { type: 'decimal' }, example: '120' },
    { field: 'needWorkforce', header: '用工需求（人）', aliases: ['needWorkforce'], col: { type: 'int' }, example: '300' },
    { field: 'needNotes', header: '其他需求', aliases: ['needNotes'], col: { type: 'text' }, example: '冷链物流' },
    { field: 'description', header: '企业简介', aliases: ['description'], col: { type: 'text' }, example: '生猪养殖与屠宰加工一体化企业' },
    { field: 'contacts[0].name', header: '联系人', aliases: ['contactName'], col: { type: 'text' }, required: true, example: '王经理' },
    { field: 'contacts[0].title', header: '联系人职务', aliases: ['contactTitle'], col: { type: 'text' }, example: '投资部经理' },
    { field: 'contacts[0].phone', header: '联系电话', aliases: ['contactPhone'], col: { type: 'text' }, example: '13800138000' },
    { field: 'contacts[0].email', header: '联系邮箱', aliases: ['contactEmail'], col: { type: 'text' }, example: 'wang@example.com' },
    {
      field: 'notificationFrequency',
      header: '匹配通知频率',
      aliases: ['notificationFrequency'],
      col: { type: 'enum', labels: NOTIFICATION_FREQUENCIES },
      example: '每日汇总',
      note: Object.values(NOTIFICATION_FREQUENCIES).join('、'),
    },
  ],
};

const CHUNK = 2000;

type PreparedRow = ParsedRow<RegisterEnterpriseInput> & { record?: EnterpriseRecord };

/**
 * Enterprises (企业入驻 by officers, from their 台账): every row validated with the API's
 * registerEnterpriseSchema and the same region rule as POST /enterprises; written in bulk
 * through EnterprisesService.registerMany (one statement per chunk), with their certification
 * claims and the matching trigger of a registration.
 * An existing USCC is left as it is (re-importing a file changes nothing).
 */
@Injectable()
export class EnterpriseImport implements ImportKind<RegisterEnterpriseInput> {
  readonly spec = ENTERPRISE_COLUMNS;

  /** The same columns with `mode=upsert`: an existing USCC is updated with what the file names. */
  readonly upserting: EnterpriseUpsert;

  constructor(
    private readonly access: AccessPolicy,
    private readonly enterprises: EnterprisesService,
  ) {
    this.upserting = new EnterpriseUpsert(access, enterprises, this);
  }

  parse(input: Record<string, unknown>) {
    const r = parseSafe(registerEnterpriseSchema, input);
    return r.ok ? { ok: true as const, value: r.value } : { ok: false as const, errors: r.errors };
  }

  key(v: RegisterEnterpriseInput): string {
    return v.uscc;
  }

  keyField(): string {
    return 'uscc';
  }

  async check(rows: ParsedRow<RegisterEnterpriseInput>[], ctx: ImportContext, m: EntityManager) {
    const errors = new Map<number, FieldError[]>();
    for (const r of rows) {
      if (!this.access.mayRecordEnterprise(ctx.actor, r.value.homeRegionCode, r.value.targetRegionCodes)) {
        addError(errors, r.line, { field: 'homeRegionCode', code: 'outside_region', message: '企业的注册地和意向投资地区都不在本辖区' });
      }
    }
    const existing = new Set<string>();
    for (let i = 0; i < rows.length; i += 10_000) {
      const found: Array<{ uscc: string }> = await m.query(`SELECT uscc FROM enterprise WHERE uscc = ANY($1::char(18)[])`, [
        rows.slice(i, i + 10_000).map((r) => r.key),
      ]);
      for (const f of found) existing.add(f.uscc);
    }
    return { errors, existing };
  }

  /** The rows as the database stores them (derived closures, search tokens): done while the previous chunk is written. */
  prepare(rows: ParsedRow<RegisterEnterpriseInput>[]): void {
    for (const r of rows) (r as PreparedRow).record ??= enterpriseRecord(r.value);
  }

  /**
   * One statement per chunk: the enterprises (an existing USCC is skipped), their certification
   * claims, and — what EnterprisesService.register writes for one enterprise — a matching job each
   * through the outbox (the rows OutboxService.enqueue writes for matchEnterpriseJob).
   */
  async write(rows: ParsedRow<RegisterEnterpriseInput>[], ctx: ImportContext, m: EntityManager): Promise<WriteResult> {
    let created = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK) as PreparedRow[];
      created += await this.enterprises.registerMany(
        m,
        chunk.map((r) => ({ input: r.value, record: r.record })),
      );
      await ctx.progress(Math.min(i + CHUNK, rows.length));
    }
    return { created, existing: rows.length - created, errors: [] };
  }
}

/** An upsert row: its USCC and the fields its cells name (validated against the database's record in check). */
interface UpsertValue {
  uscc: string;
  input: Record<string, unknown>;
}

type UpsertRow = ParsedRow<UpsertValue> & {
  create?: ParsedRow<RegisterEnterpriseInput>;
  update?: { id: number; patch: UpdateEnterpriseInput; fields: string[] };
};

/** The stored value of a field as the API states it, for comparing with a file's cell. */
function statedValue(e: Enterprise, field: string): unknown {
  if (field === 'certifications')
    return (e.certifications ?? [])
      .filter((c) => c.status !== 'rejected')
      .map((c) => ({ kind: c.kind }))
      .sort((a, b) => a.kind.localeCompare(b.kind));
  const v = (e as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && ['investmentMinYuan', 'investmentMaxYuan', 'needLandMu'].includes(field)
    ? Number(v)
    : v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Enterprises with `mode=upsert`: only the USCC column is required. A USCC not yet on the platform
 * is a registration (all of registerEnterpriseSchema, the region rule of POST /enterprises, the bulk
 * write); an existing one is updated with the fields the file names and nothing else — a cell left
 * empty leaves its field as it is; the contact columns change the first contact only — validated with
 * the API's updateEnterpriseSchema, allowed where the officer may edit the enterprise (its home region
 * in their scope), and written through EnterprisesService like a profile edit: audited
 * (`enterprise.updated` with the changed fields), re-matched through the outbox. A row whose values
 * are already stored is reported unchanged and writes nothing.
 */
export class EnterpriseUpsert implements ImportKind<UpsertValue> {
  readonly spec: ImportKindSpec = { ...ENTERPRISE_COLUMNS, requiredFields: ['uscc'] };

  constructor(
    private readonly access: AccessPolicy,
    private readonly enterprises: EnterprisesService,
    private readonly creating: EnterpriseImport,
  ) {}

  parse(input: Record<string, unknown>) {
    const u = parseSafe(usccSchema, input.uscc, 'uscc');
    if (!u.ok) return { ok: false as const, errors: u.errors };
    return { ok: true as const, value: { uscc: u.value, input: { ...input, uscc: u.value } } };
  }

  key(v: UpsertValue): string {
    return v.uscc;
  }

  keyField(): string {
    return 'uscc';
  }

  async check(rows: ParsedRow<UpsertValue>[], ctx: ImportContext, m: EntityManager) {
    const errors = new Map<number, FieldError[]>();
    const found = await this.enterprises.findManyByUscc(
      rows.map((r) => r.key),
      m,
    );
    const byUscc = new Map(found.map((e) => [e.uscc, e]));
    const fresh: ParsedRow<RegisterEnterpriseInput>[] = [];
    for (const row of rows as UpsertRow[]) {
      const existing = byUscc.get(row.key);
      if (!existing) {
        const r = this.creating.parse(row.value.input);
        if (!r.ok) errors.set(row.line, r.errors);
        else {
          row.create = { line: row.line, key: row.key, value: r.value };
          fresh.push(row.create);
        }
        continue;
      }
      const update = this.updateOf(existing, row.value.input, ctx.actor);
      if ('errors' in update) errors.set(row.line, update.errors);
      else row.update = update;
    }
    const created = await this.creating.check(fresh, ctx, m);
    for (const [line, es] of created.errors) errors.set(line, [...(errors.get(line) ?? []), ...es]);
    // a USCC registered since the lookup above (another import): reported by the bulk write as existing
    return { errors, existing: new Set<string>() };
  }

  /** The change one row asks of an existing enterprise, or why it may not be made. */
  private updateOf(
    e: Enterprise,
    input: Record<string, unknown>,
    actor: Actor,
  ): { id: number; patch: UpdateEnterpriseInput; fields: string[] } | { errors: FieldError[] } {
    if (!coversRegion(actor, e.homeRegionCode))
      return { errors: [{ field: 'uscc', code: 'outside_region', message: '该企业不在本辖区注册，不能通过导入修改' }] };
    const { uscc: _uscc, ...named } = input;
    if (Array.isArray(named.contacts)) {
      // the contact columns describe the first contact; its other fields and further contacts stay
      const [first, ...rest] = e.contacts ?? [];
      named.contacts = [{ ...(first ?? {}), ...(named.contacts[0] as object) }, ...rest];
    }
    const r = parseSafe(updateEnterpriseSchema, named);
    if (!r.ok) return { errors: r.errors };
    const patch = Object.fromEntries(Object.entries(r.value).filter(([k]) => k in named)) as UpdateEnterpriseInput;
    if (patch.homeRegionCode && !this.access.mayRecordEnterprise(actor, patch.homeRegionCode, [])) {
      return { errors: [{ field: 'homeRegionCode', code: 'outside_region', message: '新的注册地不在本辖区' }] };
    }
    const stated = (k: string, v: unknown) =>
      k === 'certifications'
        ? [...(v as Array<{ kind: string }>)].map((c) => ({ kind: c.kind })).sort((a, b) => a.kind.localeCompare(b.kind))
        : v;
    const fields = Object.keys(patch).filter((k) => !same(stated(k, (patch as Record<string, unknown>)[k]), statedValue(e, k)));
    return {
      id: e.id,
      patch: Object.fromEntries(fields.map((k) => [k, (patch as Record<string, unknown>)[k]])) as UpdateEnterpriseInput,
      fields,
    };
  }

  prepare(rows: ParsedRow<UpsertValue>[]): void {
    this.creating.prepare((rows as UpsertRow[]).flatMap((r) => (r.create ? [r.create] : [])));
  }

  async write(rows: ParsedRow<UpsertValue>[], ctx: ImportContext, m: EntityManager): Promise<WriteResult> {
    const all = rows as UpsertRow[];
    const creates = all.flatMap((r) => (r.create ? [r.create] : []));
    this.creating.prepare(creates);
    const c = creates.length ? await this.creating.write(creates, ctx, m) : { created: 0, existing: 0, errors: [] };
    const outcomes: NonNullable<WriteResult['outcomes']> = creates.map((r) => ({ line: r.line, outcome: 'created' as const }));
    const errors: WriteResult['errors'] = [...c.errors];
    let updated = 0;
    let unchanged = 0;
    let done = 0;
    for (const r of all) {
      if (!r.update) continue;
      if (!r.update.fields.length) {
        unchanged++;
        outcomes.push({ line: r.line, outcome: 'unchanged' });
        continue;
      }
      const u = r.update;
      const w = await withSavepoint(m, () => this.enterprises.updateFromImport(m, ctx.actor, u.id, u.patch, u.fields));
      if (!w.ok) errors.push({ line: r.line, errors: w.errors });
      else {
        updated++;
        outcomes.push({ line: r.line, outcome: 'updated', fields: u.fields });
      }
      if (++done % 200 === 0) await ctx.progress(creates.length + done);
    }
    return { created: c.created, existing: c.existing, updated, unchanged, errors, outcomes };
  }
}
