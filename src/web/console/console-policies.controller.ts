import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessPolicy, staffScope } from '../../auth/access.js';
import type { Actor } from '../../auth/actor.js';
import type { AuthedRequest } from '../../auth/auth.guard.js';
import { StaffOnly } from '../../auth/decorators.js';
import { CERTIFICATION_KINDS, ENTERPRISE_SIZES } from '../../enterprises/enterprise.vocabulary.js';
import { Enterprise } from '../../enterprises/enterprise.entity.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { conditionsSchema, type Condition } from '../../policies/eligibility/conditions.js';
import { eligibilitySql } from '../../policies/eligibility/eligibility-sql.js';
import { IncentivesController, PoliciesController } from '../../policies/policies.controller.js';
import { PoliciesService } from '../../policies/policies.service.js';
import { createPolicySchema, eligibleEnterprisesQuery, incentiveSchema, listPoliciesQuery, updateIncentiveSchema, updatePolicySchema } from '../../policies/policy.schemas.js';
import { INCENTIVE_KINDS } from '../../policies/policy.vocabulary.js';
import { regions } from '../../reference/regions.js';
import { ApiControllers } from '../api-controllers.js';
import { errorMap, field, formAndSchemaErrors, mergeErrors, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { emptyIncentiveForm, INCENTIVE_REQUIRED, incentiveFieldFor, incentiveFormValues, incentiveFormView, readIncentiveForm, type IncentiveFormValues } from '../forms/incentive-form.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf, pageNo } from '../public.controller.js';
import { describeCondition, ELIGIBILITY_BADGE, ELIGIBILITY_LABELS } from '../view/conditions.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { problemErrors } from './console-projects.controller.js';

interface PolicyFormValues {
  title: string;
  issuer: string;
  regionCode: string;
  documentNumber: string;
  validFrom: string;
  validTo: string;
  sourceText: string;
  sourceUrl: string;
}

function readPolicyForm(body: FormBody): { values: PolicyFormValues; input: Record<string, unknown> } {
  const values: PolicyFormValues = {
    title: field(body, 'title'),
    issuer: field(body, 'issuer'),
    regionCode: pickFrom('regions', 'region', body),
    documentNumber: field(body, 'documentNumber'),
    validFrom: field(body, 'validFrom'),
    validTo: field(body, 'validTo'),
    sourceText: field(body, 'sourceText'),
    sourceUrl: field(body, 'sourceUrl'),
  };
  return { values, input: { ...values, regionCode: values.regionCode || field(body, 'region1') || undefined, validFrom: values.validFrom || undefined, validTo: values.validTo || null } };
}

const policyFieldFor = (f: string) => (f === 'regionCode' ? 'region' : f);
const POLICY_REQUIRED = { title: '请填写政策名称', issuer: '请填写发布机关', region: '请选择适用地区', validFrom: '请填写生效日期' };

/** 政策找企业 for conditions being edited (not yet saved): counts and the first enterprises, within what the caller may see. */
export async function previewEligible(ds: DataSource, access: AccessPolicy, actor: Actor, conditions: readonly Condition[], policyRegion: string, today: string) {
  const sql = eligibilitySql(conditions, policyRegion, regions(), today);
  const scope = access.enterpriseListScope(actor);
  const where = (x: string) => (scope ? `(${x}) AND ${scope.where}` : x);
  const params = { ...sql.params, ...(scope?.params ?? {}) };
  const eligible = await ds.manager.createQueryBuilder(Enterprise, 'e').where(where(sql.eligible), params).getCount();
  const possible = await ds.manager.createQueryBuilder(Enterprise, 'e').where(where(sql.possible), params).getCount();
  const first = await ds.manager.createQueryBuilder(Enterprise, 'e').where(where(sql.eligible), params).orderBy('e.id', 'ASC').limit(10).getMany();
  return { eligible, needsInfo: possible - eligible, first: first.map((e) => ({ id: e.id, name: e.name, homeRegionCode: e.homeRegionCode })) };
}

/** Console: policies and incentives — edit, publish, eligibility conditions by form, and 政策找企业. */
@ApiExcludeController()
@Controller('console')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsolePoliciesController {
  constructor(
    private readonly pages: Pages,
    private readonly api: ApiControllers,
    private readonly policies: PoliciesService,
    private readonly access: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get('policies')
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const scope = staffScope(req.actor!);
    const chosen = pickFrom('regions', 'region', q);
    const parsed = parseSafe(listPoliciesQuery, { q: field(q, 'q') || undefined, region: chosen || scope || undefined, includeDrafts: 'true', page: String(pageNo(q)), pageSize: '20' });
    const result = parsed.ok ? await this.policies.list({ ...parsed.value, draftsWithin: scope } as never) : { items: [], total: 0, page: 1, pageSize: 20 };
    this.pages.send(
      req,
      res,
      'console/policies',
      { result, filters: { q: field(q, 'q') }, regionPicker: pickerModel('regions', 'region', chosen || scope, '发布地区'), params: { q: field(q, 'q'), region: chosen } },
      { title: '政策管理', errors: parsed.ok ? {} : errorMap(parsed.errors), status: 200 },
    );
  }

  @Get('policies/new')
  newPolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    this.policyForm(req, res, null, { title: '', issuer: '', regionCode: staffScope(req.actor!) ?? '', documentNumber: '', validFrom: '', validTo: '', sourceText: '', sourceUrl: '' }, {});
  }

  @Post('policies/new')
  async createPolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const form = readPolicyForm(body);
    if ((field(body, '_action') || 'save') !== 'save') return this.policyForm(req, res, null, form.values, {}, 200);
    const parsed = parseSafe(createPolicySchema, form.input);
    if (!parsed.ok) return this.policyForm(req, res, null, form.values, errorMap(parsed.errors, policyFieldFor));
    try {
      const p = await this.api.as(req.actor, PoliciesController).create(parsed.value, req.actor!);
      this.pages.redirect(res, `/console/policies/${p.id}`, 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500) return this.policyForm(req, res, null, form.values, problemErrors(err, policyFieldFor), err.status);
      throw err;
    }
  }

  @Get('policies/:id')
  async policy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.access.policy(req.actor!, id, 'read');
    const p = await this.policies.get(id);
    const write = await this.mayWrite(req.actor!, id);
    const incentives = (p.incentives ?? []).sort((a, b) => a.id - b.id).map((i) => ({ i, conditions: i.conditions.map(describeCondition) }));
    this.pages.send(req, res, 'console/policy', { p, write, incentives }, { title: p.title });
  }

  private async mayWrite(actor: Actor, policyId: number): Promise<boolean> {
    try {
      await this.access.policy(actor, policyId, 'write');
      return true;
    } catch (err) {
      if (err instanceof ProblemException && err.status === 403) return false;
      throw err;
    }
  }

  @Get('policies/:id/edit')
  async editPolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.access.policy(req.actor!, id, 'write');
    const p = await this.policies.get(id);
    this.policyForm(req, res, id, { title: p.title, issuer: p.issuer, regionCode: p.regionCode, documentNumber: p.documentNumber, validFrom: p.validFrom, validTo: p.validTo ?? '', sourceText: p.sourceText, sourceUrl: p.sourceUrl }, {});
  }

  @Post('policies/:id/edit')
  async updatePolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.access.policy(req.actor!, id, 'write');
    const body = req.body as FormBody;
    const form = readPolicyForm(body);
    if ((field(body, '_action') || 'save') !== 'save') return this.policyForm(req, res, id, form.values, {}, 200);
    const parsed = parseSafe(updatePolicySchema, form.input);
    if (!parsed.ok) return this.policyForm(req, res, id, form.values, errorMap(parsed.errors, policyFieldFor));
    try {
      await this.api.as(req.actor, PoliciesController).update(id, parsed.value, req.actor!);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404) return this.policyForm(req, res, id, form.values, problemErrors(err, policyFieldFor), err.status);
      throw err;
    }
    this.pages.redirect(res, `/console/policies/${id}`, 'saved');
  }

  @Post('policies/:id/publish')
  async publish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.api.as(req.actor, PoliciesController).publish(id, req.actor!);
    this.pages.redirect(res, `/console/policies/${id}`, 'published');
  }

  @Post('policies/:id/unpublish')
  async unpublish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.api.as(req.actor, PoliciesController).unpublish(id, req.actor!);
    this.pages.redirect(res, `/console/policies/${id}`, 'unpublished');
  }

  private policyForm(req: AuthedRequest, res: Response, id: number | null, values: PolicyFormValues, errors: ErrorMap, status?: number) {
    this.pages.send(
      req,
      res,
      'console/policy-form',
      { id, v: values, regionPicker: pickerModel('regions', 'region', values.regionCode, '适用地区') },
      { title: id ? '编辑政策' : '新建政策', errors: withRequiredMessages(errors, POLICY_REQUIRED), status },
    );
  }

  // ——— incentives ———

  @Get('policies/:id/incentives/new')
  async newIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const policyId = idOf(req.params.id as string, '政策');
    await this.access.policy(req.actor!, policyId, 'write');
    await this.incentiveForm(req, res, { policyId, incentiveId: null }, emptyIncentiveForm(), {});
  }

  @Post('policies/:id/incentives/new')
  async addIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const policyId = idOf(req.params.id as string, '政策');
    await this.access.policy(req.actor!, policyId, 'write');
    const action = field(req.body as FormBody, '_action') || 'save';
    const form = readIncentiveForm(req.body as FormBody, action);
    if (action !== 'save') return this.incentiveForm(req, res, { policyId, incentiveId: null }, form.values, {}, 200, action === 'preview' ? form.input.conditions : undefined);
    const parsed = parseSafe(incentiveSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => incentiveFieldFor(f, form.values)));
    if (!parsed.ok || Object.keys(errors).length) return this.incentiveForm(req, res, { policyId, incentiveId: null }, form.values, errors);
    const created = await this.api.as(req.actor, PoliciesController).addIncentive(policyId, parsed.value, req.actor!);
    this.pages.redirect(res, `/console/incentives/${created.id}`, 'created');
  }

  @Get('incentives/:id')
  async incentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '扶持措施');
    const q = req.query as FormBody;
    const status = ['eligible', 'needs_info'].includes(field(q, 'status')) ? field(q, 'status') : 'eligible';
    const query = parseSafe(eligibleEnterprisesQuery, { status, page: String(pageNo(q)), pageSize: '20' });
    if (!query.ok) throw new Error('internal query');
    // the same route as GET /incentives/:id/eligible-enterprises: read access and the bureau's enterprise scope
    const found = await this.api.as(req.actor, IncentivesController).eligibleEnterprises(id, query.value, req.actor!);
    const i = await this.policies.getIncentive(id);
    let write = true;
    try {
      await this.access.incentive(req.actor!, id, 'write');
    } catch (err) {
      if (!(err instanceof ProblemException && err.status === 403)) throw err;
      write = false;
    }
    this.pages.send(
      req,
      res,
      'console/incentive',
      { i, write, conditions: i.conditions.map(describeCondition), found, status, labels: ELIGIBILITY_LABELS, badges: ELIGIBILITY_BADGE },
      { title: i.title },
    );
  }

  @Get('incentives/:id/edit')
  async editIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '扶持措施');
    const { policyId } = await this.access.incentive(req.actor!, id, 'write');
    await this.incentiveForm(req, res, { policyId, incentiveId: id }, incentiveFormValues(await this.policies.getIncentive(id)), {});
  }

  @Post('incentives/:id/edit')
  async updateIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '扶持措施');
    const { policyId } = await this.access.incentive(req.actor!, id, 'write');
    const action = field(req.body as FormBody, '_action') || 'save';
    const form = readIncentiveForm(req.body as FormBody, action);
    if (action !== 'save') return this.incentiveForm(req, res, { policyId, incentiveId: id }, form.values, {}, 200, action === 'preview' ? form.input.conditions : undefined);
    const parsed = parseSafe(updateIncentiveSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => incentiveFieldFor(f, form.values)));
    if (!parsed.ok || Object.keys(errors).length) return this.incentiveForm(req, res, { policyId, incentiveId: id }, form.values, errors);
    await this.api.as(req.actor, IncentivesController).update(id, parsed.value, req.actor!);
    this.pages.redirect(res, `/console/incentives/${id}`, 'saved');
  }

  private async incentiveForm(
    req: AuthedRequest,
    res: Response,
    ids: { policyId: number; incentiveId: number | null },
    values: IncentiveFormValues,
    errors: ErrorMap,
    status?: number,
    previewConditions?: unknown,
  ) {
    const policy = await this.policies.get(ids.policyId);
    let preview: Awaited<ReturnType<typeof previewEligible>> | null = null;
    let previewErrors: ErrorMap = {};
    if (previewConditions) {
      const parsed = parseSafe(conditionsSchema, previewConditions, 'conditions');
      if (parsed.ok) preview = await previewEligible(this.dataSource, this.access, req.actor!, parsed.value, policy.regionCode, shanghaiDate(this.clock.now()));
      else previewErrors = errorMap(parsed.errors, (f) => incentiveFieldFor(f, values));
    }
    this.pages.send(
      req,
      res,
      'console/incentive-form',
      {
        ids,
        policy,
        form: incentiveFormView(values),
        kinds: Object.entries(INCENTIVE_KINDS),
        certKinds: Object.entries(CERTIFICATION_KINDS),
        sizes: Object.entries(ENTERPRISE_SIZES),
        preview,
      },
      { title: ids.incentiveId ? '编辑扶持措施' : '添加扶持措施', errors: withRequiredMessages(mergeErrors(errors, previewErrors), INCENTIVE_REQUIRED), status: status ?? (Object.keys(previewErrors).length ? 400 : undefined) },
    );
  }
}
