import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROLES } from '../../access/actor.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import {
  createBureauSchema,
  createUserSchema,
  listUsersQuery,
  updateBureauSchema,
  updateUserSchema,
} from '../../accounts/accounts.schemas.js';
import { Roles } from '../../access/decorators.js';
import { UserAdminService } from '../../accounts/user-admin.service.js';
import { bureauView, userView } from '../../accounts/user.view.js';
import { toPage } from '../../platform/http/pagination.js';
import { notFound, ProblemException, validationFailed } from '../../platform/http/problem.js';
import { isLegalKind, LEGAL_KINDS, LegalDocumentsService } from '../../accounts/legal-documents.service.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { checked, errorMap, field, integer, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { problemErrors } from '../forms/form-input.js';

const USER_REQUIRED = { email: '请填写邮箱', name: '请填写姓名', role: '请选择角色' };

/** Console for platform admins: users (create / invite, role, activation), bureaus, and the 用户协议 / 隐私政策 texts. */
@ApiExcludeController()
@Controller('console/admin')
@Roles('admin')
@UseFilters(WebExceptionFilter)
export class ConsoleAdminController {
  constructor(
    private readonly pages: Pages,
    private readonly admin: UserAdminService,
    private readonly legalDocs: LegalDocumentsService,
  ) {}

  @Get('users')
  async users(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.renderUsers(req, res, { email: '', name: '', role: 'officer', bureauId: '' }, {});
  }

  private async renderUsers(req: AuthedRequest, res: Response, form: Record<string, string>, errors: ErrorMap, status?: number) {
    const q = req.query as FormBody;
    const state = listState(q, { pageSize: 50 });
    const parsed = parseSafe(listUsersQuery, { ...listQuery(state), ...(field(q, 'q') ? { q: field(q, 'q') } : {}) });
    const page = parsed.ok
      ? await this.admin.listUsers(req.actor!, parsed.value)
      : { items: [], total: 0, page: 1, pageSize: state.pageSize };
    const result = toPage(page.items.map(userView), page.total, page);
    const bureaus = await this.admin.bureaus(req.actor!);
    this.pages.send(
      req,
      res,
      'console/admin-users',
      { result, listState: state, bureaus, roles: Object.entries(ROLES), form, q: field(q, 'q'), selfId: req.actor!.userId },
      { title: '用户管理', errors: withRequiredMessages(errors, USER_REQUIRED), status },
    );
  }

  @Post('users')
  async createUser(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const form = { email: field(body, 'email'), name: field(body, 'name'), role: field(body, 'role'), bureauId: field(body, 'bureauId') };
    const bureau = integer(form.bureauId);
    const password = typeof body.password === 'string' && body.password ? body.password : undefined;
    const parsed = parseSafe(createUserSchema, {
      email: form.email,
      name: form.name,
      role: form.role,
      ...(password ? { password } : {}),
      bureauId: bureau.ok ? bureau.value : null,
      enterpriseId: null,
    });
    if (!parsed.ok) return this.renderUsers(req, res, form, errorMap(parsed.errors));
    try {
      await this.admin.createUser(req.actor!, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.renderUsers(
          req,
          res,
          form,
          problemErrors(err, (f) => f),
          err.status,
        );
      throw err;
    }
    this.pages.redirect(res, '/console/admin/users', 'created');
  }

  @Post('users/:id/active')
  async setActive(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '用户');
    const parsed = parseSafe(updateUserSchema, { active: checked(req.body as FormBody, 'active') });
    if (!parsed.ok) throw validationFailed(parsed.errors);
    await this.admin.updateUser(req.actor!, id, parsed.value);
    this.pages.redirect(res, '/console/admin/users', 'saved');
  }

  @Post('users/:id/invite')
  async reinvite(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '用户');
    await this.admin.reinvite(req.actor!, id);
    this.pages.redirect(res, '/console/admin/users', 'resent');
  }

  @Get('bureaus')
  async bureaus(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.renderBureaus(req, res, { name: '', regionCode: '', idleLimitDays: '14' }, {});
  }

  private async renderBureaus(
    req: AuthedRequest,
    res: Response,
    form: { name: string; regionCode: string; idleLimitDays: string },
    errors: ErrorMap,
    status?: number,
  ) {
    const items = (await this.admin.bureaus(req.actor!)).map(bureauView);
    const counts = await this.admin.activeUsersPerBureau(req.actor!);
    this.pages.send(
      req,
      res,
      'console/admin-bureaus',
      { items, counts, form, regionPicker: pickerModel('regions', 'region', form.regionCode, '辖区（行政区划）') },
      { title: '招商局管理', errors: withRequiredMessages(errors, { name: '请填写名称', region: '请选择辖区' }), status },
    );
  }

  @Post('bureaus')
  async createBureau(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const form = {
      name: field(body, 'name'),
      regionCode: pickFrom('regions', 'region', body),
      idleLimitDays: field(body, 'idleLimitDays'),
    };
    if ((field(body, '_action') || 'save') !== 'save') return this.renderBureaus(req, res, form, {}, 200);
    const days = integer(form.idleLimitDays);
    const parsed = parseSafe(createBureauSchema, {
      name: form.name,
      regionCode: form.regionCode || undefined,
      ...(days.ok && days.value != null ? { idleLimitDays: days.value } : {}),
    });
    if (!parsed.ok || !days.ok)
      return this.renderBureaus(req, res, form, {
        ...(parsed.ok ? {} : errorMap(parsed.errors, { regionCode: 'region' })),
        ...(days.ok ? {} : { idleLimitDays: [days.message] }),
      });
    await this.admin.createBureau(req.actor!, parsed.value);
    this.pages.redirect(res, '/console/admin/bureaus', 'created');
  }

  @Post('bureaus/:id')
  async updateBureau(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '招商局');
    const days = integer(field(req.body as FormBody, 'idleLimitDays'));
    const parsed = parseSafe(updateBureauSchema, { idleLimitDays: days.ok ? (days.value ?? undefined) : undefined });
    if (!parsed.ok || !days.ok) {
      return this.renderBureaus(
        req,
        res,
        { name: '', regionCode: '', idleLimitDays: '14' },
        { [`idle_${id}`]: days.ok ? (parsed.ok ? [] : parsed.errors.map((e) => e.message)) : [days.message] },
      );
    }
    await this.admin.updateBureau(req.actor!, id, parsed.value);
    this.pages.redirect(res, '/console/admin/bureaus', 'saved');
  }

  // ——— 协议文本: the 用户协议 / 隐私政策 shown at 企业入驻 (each save publishes the next version) ———

  @Get('legal')
  async legal(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.renderLegal(req, res, {}, {});
  }

  private async renderLegal(req: AuthedRequest, res: Response, drafts: Partial<Record<string, string>>, errors: ErrorMap, status?: number) {
    const docs = await Promise.all(LEGAL_KINDS.map((k) => this.legalDocs.current(k)));
    this.pages.send(req, res, 'console/admin-legal', { docs, drafts }, { title: '协议文本', errors, status });
  }

  @Post('legal/:kind')
  async publishLegal(@Req() req: AuthedRequest, @Res() res: Response) {
    const kind = String(req.params.kind);
    if (!isLegalKind(kind)) throw notFound('协议');
    const body = typeof (req.body as FormBody).body === 'string' ? ((req.body as FormBody).body as string) : '';
    try {
      await this.legalDocs.publish(req.actor!, kind, body);
    } catch (err) {
      if (err instanceof ProblemException && err.status === 400)
        return this.renderLegal(req, res, { [kind]: body }, { [`body_${kind}`]: err.errors?.map((e) => e.message) ?? [err.message] }, 400);
      throw err;
    }
    this.pages.redirect(res, '/console/admin/legal', 'published');
  }
}
