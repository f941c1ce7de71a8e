import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { ACTUAL_KINDS, RECORDED_STEPS, RECOVERY_STEPS, WARNING_KINDS, warningKinds, type WarningKind } from '../../agreements/agreement.vocabulary.js';
import { approveReleaseSchema, listWarningsQuery, recordActualSchema, recoveryStepSchema, requestReleaseSchema } from '../../agreements/agreements.schemas.js';
import { AgreementsService } from '../../agreements/agreements.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, integer, wanToYuan, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { Pages } from '../pages.js';
import { idOf } from '../public.controller.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

type AgreementForm = 'actual' | 'release' | 'approve' | 'recovery';
/** Page field names of the API fields (amounts are entered in 万元). */
const FIELDS: Record<string, string> = { amountYuan: 'amountWan', occurredOn: 'occurredOn', kind: 'kind', count: 'count', source: 'source', document: 'document', note: 'note' };

/** Console: the agreement page (pledges, actuals timeline, tranches and their buttons, the recovery case) and the warnings list. */
@ApiExcludeController()
@Controller('console/agreements')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleAgreementsController {
  constructor(
    private readonly pages: Pages,
    private readonly agreements: AgreementsService,
  ) {}

  @Get()
  async warnings(@Req() req: AuthedRequest, @Res() res: Response) {
    const kind = typeof req.query.kind === 'string' && (warningKinds as string[]).includes(req.query.kind) ? (req.query.kind as WarningKind) : undefined;
    const q = parseSafe(listWarningsQuery, { kind, page: typeof req.query.page === 'string' ? req.query.page : undefined, pageSize: '50' });
    if (!q.ok) throw new Error('internal warnings query');
    const page = await this.agreements.warnings(req.actor!, q.value);
    const todo = await this.agreements.todo(req.actor!);
    this.pages.send(req, res, 'console/agreement-warnings', { list: page, kinds: Object.entries(WARNING_KINDS), kind: kind ?? '', todo }, { title: '项目预警' });
  }

  @Get(':id')
  async agreement(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.agreementPage(req, res, idOf(req.params.id as string, '协议'), null, {});
  }

  private async agreementPage(req: AuthedRequest, res: Response, id: number, form: AgreementForm | null, errors: ErrorMap, status?: number) {
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
  private async submit(req: AuthedRequest, res: Response, form: AgreementForm, input: Record<string, unknown>, preErrors: ErrorMap, call: (id: number, value: never) => Promise<unknown>, done: string) {
    const id = idOf(req.params.id as string, '协议');
    const schema = { actual: recordActualSchema, release: requestReleaseSchema, approve: approveReleaseSchema, recovery: recoveryStepSchema }[form];
    const parsed = parseSafe(schema, input);
    const names: Record<string, string> = form === 'recovery' ? { amountYuan: 'recoveryWan', document: 'recoveryDocument' } : FIELDS;
    const fieldOf = (f: string) => names[f] ?? (f === '(body)' ? `_${form}` : f);
    if (!parsed.ok || Object.keys(preErrors).length) {
      const errors = { ...(parsed.ok ? {} : errorMap(parsed.errors, fieldOf)), ...preErrors };
      for (const k of ['amountWan', 'recoveryWan']) if (errors[k]) errors[k] = errors[k].map((m) => m.replace('（元）', '（万元）'));
      return this.agreementPage(req, res, id, form, withRequiredMessages(errors, { kind: '请选择类别', occurredOn: '请填写日期', source: '请填写来源', step: '请选择步骤', reason: '请填写理由' }), 400);
    }
    try {
      await call(id, parsed.value as never);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404) {
        const errors = err.errors?.length && form !== 'release' && form !== 'approve' ? errorMap(err.errors, fieldOf) : { [`_${form}`]: [err.message] };
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
    const input = {
      kind: field(b, 'kind') || undefined,
      occurredOn: field(b, 'occurredOn') || undefined,
      ...(amount.ok && amount.value != null ? { amountYuan: amount.value } : {}),
      ...(count.ok && count.value != null ? { count: count.value } : {}),
      source: field(b, 'source'),
      document: field(b, 'document'),
      note: field(b, 'note'),
    };
    await this.submit(req, res, 'actual', input, amount.ok ? {} : { amountWan: [amount.message] }, (id, v) => this.agreements.recordActual(req.actor!, id, v), 'actual');
  }

  @Post(':id/tranches/:trancheId/release')
  async release(@Req() req: AuthedRequest, @Res() res: Response) {
    const trancheId = idOf(req.params.trancheId as string, '拨付分期');
    await this.submit(req, res, 'release', { note: field(req.body as FormBody, 'note') }, {}, (id, v) => this.agreements.requestRelease(req.actor!, id, trancheId, v), 'releaseRequested');
  }

  @Post(':id/tranches/:trancheId/approve')
  async approve(@Req() req: AuthedRequest, @Res() res: Response) {
    const trancheId = idOf(req.params.trancheId as string, '拨付分期');
    await this.submit(req, res, 'approve', { note: field(req.body as FormBody, 'note') }, {}, (id, v) => this.agreements.approveRelease(req.actor!, id, trancheId, v), 'released');
  }

  @Post(':id/recovery')
  async recovery(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const amount = wanToYuan(field(b, 'recoveryWan'));
    const input = { step: field(b, 'step') || undefined, reason: field(b, 'reason'), document: field(b, 'recoveryDocument'), ...(amount.ok && amount.value != null ? { amountYuan: amount.value } : {}) };
    await this.submit(req, res, 'recovery', input, amount.ok ? {} : { recoveryWan: [amount.message] }, (id, v) => this.agreements.recordRecoveryStep(req.actor!, id, v), 'recovery');
  }
}
