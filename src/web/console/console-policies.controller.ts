import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { staffScope } from '../../access/access-policy.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { CERTIFICATION_KINDS, ENTERPRISE_SIZES } from '../../enterprises/enterprise.vocabulary.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { conditionsSchema } from '../../policies/eligibility/conditions.js';
import { EligibilityService } from '../../policies/eligibility/eligibility.service.js';
import { PoliciesService } from '../../policies/policies.service.js';
import {
  createPolicySchema,
  eligibleEnterprisesQuery,
  incentiveSchema,
  listPoliciesQuery,
  POLICY_ORDER_SQL,
  updateIncentiveSchema,
  updatePolicySchema,
} from '../../policies/policy.schemas.js';
import { INCENTIVE_KINDS } from '../../policies/policy.vocabulary.js';
import {
  errorMap,
  field,
  formAndSchemaErrors,
  mergeErrors,
  withRequiredMessages,
  type ErrorMap,
  type FormBody,
} from '../forms/form-input.js';
import {
  emptyIncentiveForm,
  INCENTIVE_REQUIRED,
  incentiveFieldFor,
  incentiveFormValues,
  incentiveFormView,
  readIncentiveForm,
  type IncentiveFormValues,
} from '../forms/incentive-form.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { describeCondition, ELIGIBILITY_BADGE, ELIGIBILITY_LABELS } from '../view/conditions.js';
import { IntakeService } from '../../intake/intake.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { problemErrors } from '../forms/form-input.js';

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
  return {
    values,
    input: {
      ...values,
      regionCode: values.regionCode || field(body, 'region1') || undefined,
      validFrom: values.validFrom || undefined,
      validTo: values.validTo || null,
    },
  };
}

const policyFieldFor = (f: string) => (f === 'regionCode' ? 'region' : f);
const POLICY_REQUIRED = { title: '请填写政策名称', issuer: '请填写发布机关', region: '请选择适用地区', validFrom: '请填写生效日期' };

/** Console: policies and incentives — edit, publish, eligibility conditions by form, and 政策找企业. */
@ApiExcludeController()
@Controller('console')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsolePoliciesController {
  constructor(
    private readonly pages: Pages,
    private readonly policies: PoliciesService,
    private readonly eligibility: EligibilityService,
    private readonly intake: IntakeService,
  ) {}

  @Get('policies')
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const scope = staffScope(req.actor!);
    const chosen = pickFrom('regions', 'region', q);
    const expired = field(q, 'expired') === '1';
    const state = listState(q, { orders: Object.keys(POLICY_ORDER_SQL) });
    const parsed = parseSafe(listPoliciesQuery, {
      q: field(q, 'q') || undefined,
      region: chosen || scope || undefined,
      includeDrafts: 'true',
      includeExpired: expired ? 'true' : undefined,
      ...listQuery(state),
    });
    const result = parsed.ok
      ? await this.policies.browse(req.actor!, parsed.value)
      : { items: [], total: 0, page: 1, pageSize: state.pageSize };
    this.pages.send(
      req,
      res,
      'console/policies',
      {
        result,
        listState: state,
        filters: { q: field(q, 'q'), expired },
        today: this.eligibility.today(),
        regionPicker: pickerModel('regions', 'region', chosen || scope, '发布地区'),
        params: { q: field(q, 'q'), region: chosen, expired: expired ? '1' : '' },
      },
      { title: '政策管理', errors: parsed.ok ? {} : errorMap(parsed.errors), status: 200 },
    );
  }

  @Get('policies/new')
  newPolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    this.policyForm(
      req,
      res,
      null,
      {
        title: '',
        issuer: '',
        regionCode: staffScope(req.actor!) ?? '',
        documentNumber: '',
        validFrom: '',
        validTo: '',
        sourceText: '',
        sourceUrl: '',
      },
      {},
    );
  }

  @Post('policies/new')
  async createPolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const form = readPolicyForm(body);
    if ((field(body, '_action') || 'save') !== 'save') return this.policyForm(req, res, null, form.values, {}, 200);
    const parsed = parseSafe(createPolicySchema, form.input);
    if (!parsed.ok) return this.policyForm(req, res, null, form.values, errorMap(parsed.errors, policyFieldFor));
    try {
      const p = await this.policies.draft(req.actor!, parsed.value);
      this.pages.redirect(res, `/console/policies/${p.id}`, 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.policyForm(req, res, null, form.values, problemErrors(err, policyFieldFor), err.status);
      throw err;
    }
  }

  @Get('policies/:id')
  async policy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    const p = await this.policies.read(req.actor!, id);
    const write = await this.policies.mayEdit(req.actor!, id);
    const incentives = (p.incentives ?? [])
      .sort((a, b) => a.id - b.id)
      .map((i) => ({ i, conditions: i.conditions.map(describeCondition) }));
    const source = await this.intake.sourceOf(req.actor!, 'policy', id);
    this.pages.send(req, res, 'console/policy', { p, write, incentives, source }, { title: p.title });
  }

  @Get('policies/:id/edit')
  async editPolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    const p = await this.policies.forEdit(req.actor!, id);
    this.policyForm(
      req,
      res,
      id,
      {
        title: p.title,
        issuer: p.issuer,
        regionCode: p.regionCode,
        documentNumber: p.documentNumber,
        validFrom: p.validFrom,
        validTo: p.validTo ?? '',
        sourceText: p.sourceText,
        sourceUrl: p.sourceUrl,
      },
      {},
    );
  }

  @Post('policies/:id/edit')
  async updatePolicy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.policies.forEdit(req.actor!, id);
    const body = req.body as FormBody;
    const form = readPolicyForm(body);
    if ((field(body, '_action') || 'save') !== 'save') return this.policyForm(req, res, id, form.values, {}, 200);
    const parsed = parseSafe(updatePolicySchema, form.input);
    if (!parsed.ok) return this.policyForm(req, res, id, form.values, errorMap(parsed.errors, policyFieldFor));
    try {
      await this.policies.edit(req.actor!, id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404)
        return this.policyForm(req, res, id, form.values, problemErrors(err, policyFieldFor), err.status);
      throw err;
    }
    this.pages.redirect(res, `/console/policies/${id}`, 'saved');
  }

  @Post('policies/:id/publish')
  async publish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.policies.publish(req.actor!, id);
    this.pages.redirect(res, `/console/policies/${id}`, 'published');
  }

  @Post('policies/:id/unpublish')
  async unpublish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    await this.policies.unpublish(req.actor!, id);
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
    await this.policies.forEdit(req.actor!, policyId);
    await this.incentiveForm(req, res, { policyId, incentiveId: null }, emptyIncentiveForm(), {});
  }

  @Post('policies/:id/incentives/new')
  async addIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const policyId = idOf(req.params.id as string, '政策');
    await this.policies.forEdit(req.actor!, policyId);
    const action = field(req.body as FormBody, '_action') || 'save';
    const form = readIncentiveForm(req.body as FormBody, action);
    if (action !== 'save')
      return this.incentiveForm(
        req,
        res,
        { policyId, incentiveId: null },
        form.values,
        {},
        200,
        action === 'preview' ? form.input.conditions : undefined,
      );
    const parsed = parseSafe(incentiveSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => incentiveFieldFor(f, form.values)));
    if (!parsed.ok || Object.keys(errors).length) return this.incentiveForm(req, res, { policyId, incentiveId: null }, form.values, errors);
    const created = await this.policies.attachIncentive(req.actor!, policyId, parsed.value);
    this.pages.redirect(res, `/console/incentives/${created.id}`, 'created');
  }

  @Get('incentives/:id')
  async incentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '扶持措施');
    const q = req.query as FormBody;
    const status = ['eligible', 'needs_info'].includes(field(q, 'status')) ? field(q, 'status') : 'eligible';
    const state = listState(q);
    const query = parseSafe(eligibleEnterprisesQuery, { status, ...listQuery(state) });
    if (!query.ok) throw new Error('internal query');
    // the same route as GET /incentives/:id/eligible-enterprises: read access and the bureau's enterprise scope
    const found = await this.eligibility.findEligible(req.actor!, id, query.value);
    const i = await this.policies.readIncentive(req.actor!, id);
    const write = await this.policies.mayEditIncentive(req.actor!, id);
    this.pages.send(
      req,
      res,
      'console/incentive',
      {
        i,
        write,
        conditions: i.conditions.map(describeCondition),
        found,
        status,
        labels: ELIGIBILITY_LABELS,
        badges: ELIGIBILITY_BADGE,
        listState: state,
      },
      { title: i.title },
    );
  }

  @Get('incentives/:id/edit')
  async editIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '扶持措施');
    const i = await this.policies.incentiveForEdit(req.actor!, id);
    await this.incentiveForm(req, res, { policyId: i.policyId, incentiveId: id }, incentiveFormValues(i), {});
  }

  @Post('incentives/:id/edit')
  async updateIncentive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '扶持措施');
    const { policyId } = await this.policies.incentiveForEdit(req.actor!, id);
    const action = field(req.body as FormBody, '_action') || 'save';
    const form = readIncentiveForm(req.body as FormBody, action);
    if (action !== 'save')
      return this.incentiveForm(
        req,
        res,
        { policyId, incentiveId: id },
        form.values,
        {},
        200,
        action === 'preview' ? form.input.conditions : undefined,
      );
    const parsed = parseSafe(updateIncentiveSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => incentiveFieldFor(f, form.values)));
    if (!parsed.ok || Object.keys(errors).length) return this.incentiveForm(req, res, { policyId, incentiveId: id }, form.values, errors);
    await this.policies.editIncentive(req.actor!, id, parsed.value);
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
    let preview: Awaited<ReturnType<EligibilityService['preview']>> | null = null;
    let previewErrors: ErrorMap = {};
    if (previewConditions) {
      const parsed = parseSafe(conditionsSchema, previewConditions, 'conditions');
      if (parsed.ok) preview = await this.eligibility.preview(req.actor!, parsed.value, policy.regionCode);
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
      {
        title: ids.incentiveId ? '编辑扶持措施' : '添加扶持措施',
        errors: withRequiredMessages(mergeErrors(errors, previewErrors), INCENTIVE_REQUIRED),
        status: status ?? (Object.keys(previewErrors).length ? 400 : undefined),
      },
    );
  }
}
