import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { ENTERPRISE_ORDER_SQL, listEnterprisesQuery, reviewCertificationSchema } from '../../enterprises/enterprise.schemas.js';
import { CERTIFICATION_KINDS, certificationKinds, type CertificationKind } from '../../enterprises/enterprise.vocabulary.js';
import { EnterprisesService } from '../../enterprises/enterprises.service.js';
import { MatchesService } from '../../matching/matches.service.js';
import { notFound, ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const ENTERPRISE_ORDERS = Object.keys(ENTERPRISE_ORDER_SQL);

/** Console: the enterprises a bureau may see, with certification verification. */
@ApiExcludeController()
@Controller('console/enterprises')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleEnterprisesController {
  constructor(
    private readonly pages: Pages,
    private readonly enterprises: EnterprisesService,
    private readonly matches: MatchesService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const region = pickFrom('regions', 'region', q);
    const industry = pickFrom('industries', 'industry', q);
    const certification = (certificationKinds as string[]).includes(field(q, 'certification')) ? field(q, 'certification') : '';
    const pending = field(q, 'pending') === '1';
    const state = listState(q, { orders: ENTERPRISE_ORDERS });
    const parsed = parseSafe(listEnterprisesQuery, {
      q: field(q, 'q') || undefined,
      region: region || undefined,
      industry: industry || undefined,
      certification: certification || undefined,
      ...listQuery(state),
    });
    // the bureau's enterprises only (the API's rule), optionally those with claims awaiting review
    const result = parsed.ok
      ? await this.enterprises.browse(req.actor!, parsed.value, { awaitingReview: pending })
      : { items: [], total: 0, page: 1, pageSize: state.pageSize };
    this.pages.send(
      req,
      res,
      'console/enterprises',
      {
        result,
        listState: state,
        filters: { q: field(q, 'q'), certification, pending },
        regionPicker: pickerModel('regions', 'region', region, '注册地'),
        industryPicker: pickerModel('industries', 'industry', industry, '所属行业'),
        certKinds: Object.entries(CERTIFICATION_KINDS),
        params: { q: field(q, 'q'), region, industry, certification, pending: pending ? '1' : '' },
      },
      { title: '企业', errors: parsed.ok ? {} : errorMap(parsed.errors), status: 200 },
    );
  }

  @Get(':id')
  async detail(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '企业');
    await this.detailPage(req, res, id, {});
  }

  private async detailPage(req: AuthedRequest, res: Response, id: number, errors: ErrorMap, status?: number) {
    const { enterprise: e, ...access } = await this.enterprises.read(req.actor!, id);
    const matches = await this.matches.forEnterprise(req.actor!, id, {
      page: 1,
      pageSize: 20,
      status: ['new', 'notified', 'viewed', 'interested', 'converted', 'dismissed'],
    });
    this.pages.send(req, res, 'console/enterprise', { e, access, matches }, { title: e.name, errors, status });
  }

  @Post(':id/certifications/:kind/:decision')
  async review(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '企业');
    const kind = req.params.kind as CertificationKind;
    const decision = req.params.decision as string;
    if (!(certificationKinds as string[]).includes(kind) || (decision !== 'verify' && decision !== 'reject')) throw notFound('认定');
    const note = field(req.body as FormBody, 'note');
    const parsed = parseSafe(reviewCertificationSchema, { ...(note ? { note } : {}) });
    if (!parsed.ok) return this.detailPage(req, res, id, { [`note_${kind}`]: parsed.errors.map((e) => e.message) }, 400);
    try {
      await this.enterprises.review(req.actor!, id, kind, decision === 'verify' ? 'verified' : 'rejected', parsed.value.note);
    } catch (err) {
      // 驳回 without a reason: the page again, the reason field marked.
      if (err instanceof ProblemException && err.status === 400)
        return this.detailPage(req, res, id, { [`note_${kind}`]: (err.errors ?? []).map((e) => e.message) }, 400);
      throw err;
    }
    this.pages.redirect(res, `/console/enterprises/${id}`, decision === 'verify' ? 'verified' : 'rejected');
  }
}
