import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import {
  ACTUAL_KINDS,
  RECORDED_STEPS,
  RECOVERY_STEPS,
  TRANCHE_CONDITIONS,
  WARNING_KINDS,
  warningKinds,
  type WarningKind,
} from '../../agreements/agreement.vocabulary.js';
import {
  approveReleaseSchema,
  createAgreementSchema,
  listWarningsQuery,
  recordActualSchema,
  recoveryStepSchema,
  requestReleaseSchema,
} from '../../agreements/agreements.schemas.js';
import { AgreementsService } from '../../agreements/agreements.service.js';
import { leadView } from '../../leads/lead.view.js';
import { LeadsService } from '../../leads/leads.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { PoliciesQueries } from '../../policies/policies.queries.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { agreementFormValues, agreementInput, type AgreementFormValues } from '../forms/agreement-form.js';
import {
  errorMap,
  field,
  integer,
  mergeErrors,
  wanToYuan,
  withRequiredMessages,
  type ErrorMap,
  type FormBody,
} from '../forms/form-input.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

type AgreementForm = 'actual' | 'release' | 'approve' | 'recovery';
/** Page field names of the API fields (amounts are entered in 万元). */
const FIELDS: Record<string, string> = {
  amountYuan: 'amountWan',
  occurredOn: 'occurredOn',
  kind: 'kind',
  count: 'count',
  source: 'source',
  document: 'document',
  note: 'note',
  correctsId: 'correctsId',
};

/** Console: the agreement page (pledges, actuals timeline, tranches and their buttons, the recovery case) and the warnings list. */
@ApiExcludeController()
@Controller('console/agreements')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleAgreementsController {
  constructor(
    private readonly pages: Pages,
    private readonly agreements: AgreementsService,
    private readonly leads: LeadsService,
    private readonly policies: PoliciesQueries,
  ) {}

  @Get()
  async warnings(@Req() req: AuthedRequest, @Res() res: Response) {
    const kind =
      typeof req.query.kind === 'string' && (warningKinds as string[]).includes(req.query.kind)
        ? (req.query.kind as WarningKind)
        : undefined;
    const q = parseSafe(listWarningsQuery, { kind, page: typeof req.query.page === 'string' ? req.query.page : undefined, pageSize: '50' });
    if (!q.ok) throw new Error('internal warnings query');
    const page = await this.agreements.warnings(req.actor!, q.value);
    const todo = await this.agreements.todo(req.actor!);
    this.pages.send(
      req,
      res,
      'console/agreement-warnings',
      { list: page, kinds: Object.entries(WARNING_KINDS), kind: kind ?? '', todo },
      { title: '项目预警' },
    );
  }

  /** 录入投资协议 for a signed lead (?lead=id): pledges in 万元 / 亩, tranches with their incentive and condition. */
  @Get('new')
  async newForm(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.createPage(req, res, null, {});
  }

  @Post('new')
  async create(@Req() req: AuthedRequest, @Res() res: Response) {
    const values = agreementFormValues(req.body as FormBody, { signedOn: '' });
    const { input, errors: formErrors, fieldOf } = agreementInput(values);
    const parsed = parseSafe(createAgreementSchema, input);
    const required = { signedOn: '请填写签约日期' };
    if (!parsed.ok || Object.keys(formErrors).length) {
      const errors = mergeErrors(formErrors, parsed.ok ? {} : errorMap(parsed.errors, fieldOf));
      for (const [k, list] of Object.entries(errors)) {
        if (/-condition$/.test(k)) errors[k] = list.map(() => '请选择拨付条件');
        else if (/-dueOn$/.test(k)) errors[k] = list.map((m) => (m.includes('格式') || m === '必填' ? '请填写约定拨付日期' : m));
        else if (/-amountWan$/.test(k))
          errors[k] = list.map((m) => (m === '必填' ? '请填写金额' : m.replace('（单位：元）', '（单位：万元）')));
      }
      return this.createPage(req, res, values, withRequiredMessages(errors, required), 400);
    }
    const leadId = this.leadIdOf(req);
    try {
      const { id } = await this.agreements.create(req.actor!, leadId, parsed.value);
      this.pages.redirect(res, `/console/agreements/${id}`, 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404 && err.status !== 403) {
        const errors = err.errors?.length ? errorMap(err.errors, fieldOf) : { _form: [err.message] };
        if (err.errors?.some((e) => e.field === 'leadId' || e.field === 'stage')) errors._form = [err.message];
        return this.createPage(req, res, values, errors, err.status);
      }
      throw err;
    }
  }

  private leadIdOf(req: AuthedRequest): number {
    return idOf(typeof req.query.lead === 'string' ? req.query.lead : '', '线索');
  }

  private async createPage(req: AuthedRequest, res: Response, posted: AgreementFormValues | null, errors: ErrorMap, status?: number) {
    const actor = req.actor!;
    const leadId = this.leadIdOf(req);
    const lead = leadView((await this.leads.get(actor, leadId)).lead);
    const existing = await this.agreements.idOfLead(actor, leadId);
    if (existing !== null && !posted) return this.pages.redirect(res, `/console/agreements/${existing}`);
    const signedOn = lead.signed ? shanghaiDate(lead.signed.at) : '';
    const values = posted ?? agreementFormValues(null, { signedOn });
    const chosen = values.tranches.map((t) => Number(t.incentiveId)).filter(Number.isInteger);
    this.pages.send(
      req,
      res,
      'console/agreement-form',
      {
        lead,
        values,
        signed: ['signed', 'started', 'producing'].includes(lead.stage),
        incentives: await this.policies.incentiveChoices(actor, chosen),
        conditions: Object.entries(TRANCHE_CONDITIONS),
        today: this.agreements.today(),
      },
      { title: `录入投资协议：${lead.enterprise.name}`, errors, status },
    );
  }

  @Get(':id')
  async agreement(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.agreementPage(req, res, idOf(req.params.id as string, '协议'), null, {});
  }

  private async agreementPage(
    req: AuthedRequest,
    res: Response,
    id: number,
    form: AgreementForm | null,
    errors: ErrorMap,
    status?: number,
  ) {
    const actor = req.actor!;
    const a = await this.agreements.get(actor, id);
    const body = (form ? req.body : {}) as FormBody;
    this.pages.send(
      req,
      res,
      'console/agreement',
      {
        a,
        me: actor.userId,
        actualKinds: Object.entries(ACTUAL_KINDS),
        steps: RECORDED_STEPS.map((s) => [s, RECOVERY_STEPS[s]]),
        today: this.agreements.today(),
        form,
        posted: (name: string) => field(body, name),
      },
      { title: `投资协议：${a.enterprise.name}`, errors, status },
    );
  }

  /** Runs one of the page's forms: parse with the API schema, call the service, or show the page again with the errors. */
  private async submit(
    req: AuthedRequest,
    res: Response,
    form: AgreementForm,
    input: Record<string, unknown>,
    preErrors: ErrorMap,
    call: (id: number, value: never) => Promise<unknown>,
    done: string,
  ) {
    const id = idOf(req.params.id as string, '协议');
    const schema = {
      actual: recordActualSchema,
      release: requestReleaseSchema,
      approve: approveReleaseSchema,
      recovery: recoveryStepSchema,
    }[form];
    const parsed = parseSafe(schema, input);
    const names: Record<string, string> = form === 'recovery' ? { amountYuan: 'recoveryWan', document: 'recoveryDocument' } : FIELDS;
    const fieldOf = (f: string) => names[f] ?? (f === '(body)' ? `_${form}` : f);
    if (!parsed.ok || Object.keys(preErrors).length) {
      const errors = { ...(parsed.ok ? {} : errorMap(parsed.errors, fieldOf)), ...preErrors };
      for (const k of ['amountWan', 'recoveryWan']) if (errors[k]) errors[k] = errors[k].map((m) => m.replace('（元）', '（万元）'));
      return this.agreementPage(
        req,
        res,
        id,
        form,
        withRequiredMessages(errors, {
          kind: '请选择类别',
          occurredOn: '请填写日期',
          source: '请填写来源',
          step: '请选择步骤',
          reason: '请填写理由',
        }),
        400,
      );
    }
    try {
      await call(id, parsed.value as never);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404) {
        const errors =
          err.errors?.length && form !== 'release' && form !== 'approve' ? errorMap(err.errors, fieldOf) : { [`_${form}`]: [err.message] };
        return this.agreementPage(req, res, id, form, errors, err.status);
      }
      throw err;
    }
    this.pages.redirect(res, `/console/agreements/${id}`, done as never);
  }

  @Post(':id/actuals')
  async actual(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const amount = wanToYuan(field(b, 'amountWan'));
    const count = integer(field(b, 'count'));
    const corrects = integer(field(b, 'correctsId'));
    const input = {
      ...(corrects.ok && corrects.value != null ? { correctsId: corrects.value } : {}),
      kind: field(b, 'kind') || undefined,
      occurredOn: field(b, 'occurredOn') || undefined,
      ...(amount.ok && amount.value != null ? { amountYuan: amount.value } : {}),
      ...(count.ok && count.value != null ? { count: count.value } : {}),
      source: field(b, 'source'),
      document: field(b, 'document'),
      note: field(b, 'note'),
    };
    await this.submit(
      req,
      res,
      'actual',
      input,
      amount.ok ? {} : { amountWan: [amount.message] },
      (id, v) => this.agreements.recordActual(req.actor!, id, v),
      'actual',
    );
  }

  @Post(':id/tranches/:trancheId/release')
  async release(@Req() req: AuthedRequest, @Res() res: Response) {
    const trancheId = idOf(req.params.trancheId as string, '拨付分期');
    await this.submit(
      req,
      res,
      'release',
      { note: field(req.body as FormBody, 'note') },
      {},
      (id, v) => this.agreements.requestRelease(req.actor!, id, trancheId, v),
      'releaseRequested',
    );
  }

  @Post(':id/tranches/:trancheId/approve')
  async approve(@Req() req: AuthedRequest, @Res() res: Response) {
    const trancheId = idOf(req.params.trancheId as string, '拨付分期');
    await this.submit(
      req,
      res,
      'approve',
      { note: field(req.body as FormBody, 'note') },
      {},
      (id, v) => this.agreements.approveRelease(req.actor!, id, trancheId, v),
      'released',
    );
  }

  @Post(':id/recovery')
  async recovery(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const amount = wanToYuan(field(b, 'recoveryWan'));
    const input = {
      step: field(b, 'step') || undefined,
      reason: field(b, 'reason'),
      document: field(b, 'recoveryDocument'),
      ...(amount.ok && amount.value != null ? { amountYuan: amount.value } : {}),
    };
    await this.submit(
      req,
      res,
      'recovery',
      input,
      amount.ok ? {} : { recoveryWan: [amount.message] },
      (id, v) => this.agreements.recordRecoveryStep(req.actor!, id, v),
      'recovery',
    );
  }
}
