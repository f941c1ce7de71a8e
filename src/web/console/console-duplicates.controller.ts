import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { duplicatePairView, listDuplicatesQuery, mergeEnterpriseSchema } from '../../enterprises/enterprise-merge.schemas.js';
import { EnterpriseMergeService } from '../../enterprises/enterprise-merge.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, integer, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

/** Console: likely duplicate enterprises of the bureau's region, and merging two records (registered before the enterprise pages: /duplicates is no id). */
@ApiExcludeController()
@Controller('console/enterprises')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleDuplicatesController {
  constructor(
    private readonly pages: Pages,
    private readonly merges: EnterpriseMergeService,
  ) {}

  @Get('duplicates')
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.listPage(req, res, {});
  }

  private async listPage(req: AuthedRequest, res: Response, errors: ErrorMap, status?: number) {
    const state = listState(req.query as FormBody);
    const parsed = parseSafe(listDuplicatesQuery, listQuery(state));
    const q = parsed.ok ? parsed.value : { page: 1, pageSize: 20 };
    const page = await this.merges.duplicates(req.actor!, q);
    const posted = (status ? req.body : {}) as FormBody;
    this.pages.send(
      req,
      res,
      'console/enterprise-duplicates',
      { list: { ...page, items: page.items.map(duplicatePairView) }, listState: state, posted: (name: string) => field(posted, name) },
      { title: '疑似重复企业', errors, status },
    );
  }

  /** Merges the record `duplicateId` into `:id` (kept); back to the list with the errors, or on to the kept record. */
  @Post(':id/merge')
  async merge(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '企业');
    const b = req.body as FormBody;
    const dup = integer(field(b, 'duplicateId'));
    const parsed = parseSafe(mergeEnterpriseSchema, {
      ...(dup.ok && dup.value != null ? { duplicateId: dup.value } : {}),
      reason: field(b, 'reason'),
    });
    if (!parsed.ok)
      return this.listPage(
        req,
        res,
        withRequiredMessages(errorMap(parsed.errors), { reason: '请填写合并原因', duplicateId: '请选择要合并的记录' }),
        400,
      );
    try {
      await this.merges.merge(req.actor!, id, parsed.value.duplicateId, parsed.value.reason);
    } catch (err) {
      if (err instanceof ProblemException && (err.status === 400 || err.status === 409))
        return this.listPage(req, res, { _merge: [err.errors?.[0]?.message ?? err.message] }, err.status);
      throw err;
    }
    this.pages.redirect(res, `/console/enterprises/${id}`, 'merged');
  }
}
