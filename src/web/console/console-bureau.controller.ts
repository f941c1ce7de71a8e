import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { inviteOfficerSchema, updateOwnBureauSchema } from '../../accounts/accounts.schemas.js';
import { Roles } from '../../access/decorators.js';
import { UserAdminService } from '../../accounts/user-admin.service.js';
import { bureauView, userView } from '../../accounts/user.view.js';
import { toPage } from '../../platform/http/pagination.js';
import { assignmentRuleSchema } from '../../leads/lead.schemas.js';
import { AssignmentService } from '../../leads/assignment.service.js';
import { LeadsQueries } from '../../leads/leads.queries.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { ProblemException, validationFailed } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, integer, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { problemErrors } from '../forms/form-input.js';

/** Console for a bureau lead: the bureau's officers (invite, activate, deactivate), its idle-lead limit and its assignment rules. */
@ApiExcludeController()
@Controller('console/bureau')
@Roles('bureau_lead')
@UseFilters(WebExceptionFilter)
export class ConsoleBureauController {
  constructor(
    private readonly pages: Pages,
    private readonly admin: UserAdminService,
    private readonly assignment: AssignmentService,
    private readonly leadsQueries: LeadsQueries,
    private readonly clock: Clock,
  ) {}

  @Get()
  async index(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.render(req, res, {}, {});
  }

  private async render(req: AuthedRequest, res: Response, posted: Record<string, string>, errors: ErrorMap, status?: number) {
    const actor = req.actor!;
    const bureau = bureauView(await this.admin.ownBureau(actor));
    const page = await this.admin.bureauUsers(actor, { page: 1, pageSize: 100 });
    const users = toPage(page.items.map(userView), page.total, page);
    const rules = await this.assignment.listRules(actor, undefined);
    const today = shanghaiDate(this.clock.now());
    const workload = await this.leadsQueries.workload(actor, today);
    this.pages.send(
      req,
      res,
      'console/bureau',
      {
        bureau,
        users,
        workload,
        rules: rules.items as Array<{ id: number; userName: string; regionCode: string | null; industryCode: string | null }>,
        posted,
        regionPicker: pickerModel('regions', 'ruleRegion', posted.ruleRegion ?? '', '地区（本局辖区内，可留空）'),
        industryPicker: pickerModel('industries', 'ruleIndustry', posted.ruleIndustry ?? '', '行业（可留空）'),
      },
      {
        title: '本局管理',
        errors: withRequiredMessages(errors, { email: '请填写邮箱', name: '请填写姓名', userId: '请选择负责人' }),
        status,
      },
    );
  }

  @Post('settings')
  async settings(@Req() req: AuthedRequest, @Res() res: Response) {
    const days = integer(field(req.body as FormBody, 'idleLimitDays'));
    const parsed = parseSafe(updateOwnBureauSchema, { idleLimitDays: days.ok ? (days.value ?? undefined) : undefined });
    if (!parsed.ok || !days.ok)
      return this.render(
        req,
        res,
        {},
        { idleLimitDays: days.ok ? (parsed.ok ? [] : parsed.errors.map((e) => e.message)) : [days.message] },
        400,
      );
    await this.admin.updateOwnBureau(req.actor!, parsed.value);
    this.pages.redirect(res, '/console/bureau', 'saved');
  }

  @Post('officers')
  async invite(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const posted = { email: field(b, 'email'), name: field(b, 'name') };
    const parsed = parseSafe(inviteOfficerSchema, posted);
    if (!parsed.ok) return this.render(req, res, posted, errorMap(parsed.errors), 400);
    try {
      await this.admin.inviteOfficer(req.actor!, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 403)
        return this.render(
          req,
          res,
          posted,
          problemErrors(err, (f) => f),
          err.status,
        );
      throw err;
    }
    this.pages.redirect(res, '/console/bureau', 'created');
  }

  @Post('officers/:id/:action')
  async officer(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '用户');
    const action = req.params.action as string;
    if (action === 'activate') await this.admin.setOfficerActive(req.actor!, id, true);
    else if (action === 'deactivate') await this.admin.setOfficerActive(req.actor!, id, false);
    else if (action === 'invite') await this.admin.reinviteOfficer(req.actor!, id);
    else throw validationFailed([{ field: 'action', code: 'unknown', message: '未知的操作' }]);
    this.pages.redirect(res, '/console/bureau', action === 'invite' ? 'resent' : 'saved');
  }

  @Post('rules')
  async addRule(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const regionCode = pickFrom('regions', 'ruleRegion', b);
    const industryCode = pickFrom('industries', 'ruleIndustry', b);
    const posted = { ruleRegion: regionCode, ruleIndustry: industryCode, userId: field(b, 'userId') };
    if ((field(b, '_action') || 'save') !== 'save') return this.render(req, res, posted, {}, 200);
    const user = integer(posted.userId);
    const parsed = parseSafe(assignmentRuleSchema, {
      ...(user.ok && user.value != null ? { userId: user.value } : {}),
      regionCode: regionCode || null,
      industryCode: industryCode || null,
    });
    const fieldFor = (f: string) => (f === 'regionCode' ? 'ruleRegion' : f === 'industryCode' ? 'ruleIndustry' : f);
    if (!parsed.ok) return this.render(req, res, posted, errorMap(parsed.errors, fieldFor), 400);
    try {
      await this.assignment.createRule(req.actor!, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 403)
        return this.render(req, res, posted, problemErrors(err, fieldFor), err.status);
      throw err;
    }
    this.pages.redirect(res, '/console/bureau', 'created');
  }

  @Post('rules/:id/delete')
  async deleteRule(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '规则');
    await this.assignment.deleteRule(req.actor!, id);
    this.pages.redirect(res, '/console/bureau', 'deleted');
  }
}
