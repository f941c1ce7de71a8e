import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { claimDecisionSchema } from '../../accounts/accounts.schemas.js';
import { EnterpriseClaimsService } from '../../accounts/enterprise-claims.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, problemErrors, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

/** Console: 认领申请 — sign-ups for enterprises of the region already on record, to approve or reject (registered before the enterprise pages: /claims is no id). */
@ApiExcludeController()
@Controller('console/enterprises/claims')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleClaimsController {
  constructor(
    private readonly pages: Pages,
    private readonly claims: EnterpriseClaimsService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.listPage(req, res, {});
  }

  private async listPage(req: AuthedRequest, res: Response, errors: ErrorMap, status?: number, failedId?: number) {
    const items = await this.claims.listPending(req.actor!);
    const notice = field(req.query as FormBody, 'decided');
    this.pages.send(
      req,
      res,
      'console/claims',
      { items, failedId: failedId ?? null, decided: notice === 'approve' || notice === 'reject' ? notice : '' },
      { title: '认领申请', errors, status },
    );
  }

  @Post(':id')
  async decide(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '认领申请');
    const b = req.body as FormBody;
    const parsed = parseSafe(claimDecisionSchema, { decision: field(b, 'decision'), reason: field(b, 'reason') });
    if (!parsed.ok) return this.listPage(req, res, errorMap(parsed.errors), 400, id);
    try {
      await this.claims.decide(req.actor!, id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && (err.status === 400 || err.status === 409))
        return this.listPage(
          req,
          res,
          problemErrors(err, () => '_form'),
          err.status,
          id,
        );
      throw err;
    }
    res.redirect(303, `/console/enterprises/claims?decided=${parsed.value.decision}`);
  }
}
