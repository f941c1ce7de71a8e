import { Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../platform/http/openapi.js';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { toPage } from '../platform/http/pagination.js';
import { ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { ROLES, type Actor } from './actor.js';
import { SESSION_COOKIE, type AuthedRequest } from './auth.guard.js';
import {
  createBureauSchema,
  createUserSchema,
  listUsersQuery,
  loginSchema,
  updateBureauSchema,
  updateUserSchema,
  type CreateBureauInput,
  type CreateUserInput,
  type ListUsersQuery,
  type LoginInput,
  type UpdateBureauInput,
  type UpdateUserInput,
} from './auth.schemas.js';
import { AuthService } from './auth.service.js';
import { Bureau } from './bureau.entity.js';
import { CurrentActor, Public, Roles } from './decorators.js';
import { SameOriginOnly } from './same-origin.js';
import { SessionsService } from './sessions.service.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { regionRef } from '../enterprises/enterprise.view.js';
import { conflict } from '../platform/http/problem.js';
import { IdParam } from '../platform/validation/zod-http.js';
import { AccountsService } from './accounts.service.js';

export function userView(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    roleLabel: ROLES[u.role],
    bureauId: u.bureauId,
    enterpriseId: u.enterpriseId,
    emailVerified: !!u.emailVerifiedAt,
    active: u.active,
    lastLoginAt: u.lastLoginAt,
  };
}

export const bureauView = (b: Bureau) => ({ id: b.id, name: b.name, region: regionRef(b.regionCode), idleLimitDays: b.idleLimitDays });

export const clientMeta = (req: Request) => ({ ip: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? '') });

/** Sets the browser session cookie (httpOnly; Secure when served over HTTPS). */
export function setSessionCookie(res: Response, config: AppConfig, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.PUBLIC_BASE_URL.startsWith('https:'), path: '/', expires });
}

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @SameOriginOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in. API clients get a bearer token; `?mode=cookie` sets the browser session cookie and returns its CSRF token.',
  })
  @ApiProblems(401, 429)
  async login(
    @ZodBody(loginSchema) body: LoginInput,
    @ZodQuery(z.strictObject({ mode: z.enum(['token', 'cookie']).default('token') })) q: { mode: 'token' | 'cookie' },
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const kind = q.mode === 'cookie' ? 'browser' : 'api';
    const { token, expiresAt, user } = await this.auth.login(body, kind, clientMeta(req));
    if (kind === 'browser') {
      setSessionCookie(res, this.config, token, expiresAt);
      return { user: userView(user), expiresAt, csrfToken: this.sessions.csrfToken(token) };
    }
    return { token, tokenType: 'Bearer', expiresAt, user: userView(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session (token or cookie)' })
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.sessionToken) await this.auth.logout(req.sessionToken, req.actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'Who am I (and the CSRF token of a browser session)' })
  me(@CurrentActor() actor: Actor, @Req() req: AuthedRequest) {
    return {
      ...actor,
      roleLabel: ROLES[actor.role],
      ...(req.sessionKind === 'browser' && req.sessionToken ? { csrfToken: this.sessions.csrfToken(req.sessionToken) } : {}),
    };
  }
}

@ApiTags('admin 管理')
@Controller('admin')
@Roles('admin')
export class AdminController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('bureaus')
  @ApiOperation({ summary: 'Admin: create a bureau (招商局) for a region' })
  async createBureau(@ZodBody(createBureauSchema) body: CreateBureauInput, @CurrentActor() actor: Actor) {
    const b = await this.audit.within(async (m) => {
      const created = await this.users.createBureau(body, m);
      return { result: created, audit: { actor, action: 'bureau.created', target: { type: 'bureau', id: created.id, region: created.regionCode }, detail: { name: created.name } } };
    });
    return bureauView(b);
  }

  @Get('bureaus')
  @ApiOperation({ summary: 'Admin: all bureaus' })
  async bureaus() {
    const items = await this.dataSource.manager.find(Bureau, { order: { regionCode: 'ASC', id: 'ASC' } });
    return { items: items.map(bureauView) };
  }

  @Patch('bureaus/:id')
  @ApiOperation({ summary: 'Rename a bureau, move its region (its officers\' scope follows) or change its idle-lead limit' })
  async updateBureau(@IdParam() id: number, @ZodBody(updateBureauSchema) body: UpdateBureauInput, @CurrentActor() actor: Actor) {
    const b = await this.audit.within(async (m) => {
      const { before, after } = await this.users.updateBureau(id, body, m);
      const detail = { changed: changes(before, after, ['name', 'regionCode', 'idleLimitDays']) };
      return { result: after, audit: { actor, action: 'bureau.updated', target: { type: 'bureau', id, region: after.regionCode }, detail } };
    });
    return bureauView(b);
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a user; without a password the user gets an invitation e-mail with a set-password link' })
  async createUser(@ZodBody(createUserSchema) body: CreateUserInput, @CurrentActor() actor: Actor) {
    const u = await this.audit.within(async (m) => {
      // with a password the admin vouches for the address; without, the invitation link proves it
      const created = await this.users.createUser(body, m, { emailVerified: !!body.password });
      if (!body.password) await this.accounts.invite(m, created, actor);
      const region = await this.users.regionOf(created, m);
      const detail = { email: created.email, role: created.role, bureauId: created.bureauId, enterpriseId: created.enterpriseId, invited: !body.password };
      return { result: created, audit: { actor, action: 'user.created', target: { type: 'user', id: created.id, region }, detail } };
    });
    return userView(u);
  }

  @Get('users')
  @ApiOperation({ summary: 'Admin: users, filtered by role, bureau, enterprise or text' })
  async list(@ZodQuery(listUsersQuery) q: ListUsersQuery) {
    const page = await this.users.list(q);
    return toPage(page.items.map(userView), page.total, page);
  }

  @Get('users/:id')
  @ApiOperation({ summary: 'Admin: one user' })
  async user(@IdParam() id: number) {
    return userView(await this.users.get(id));
  }

  @Patch('users/:id')
  @ApiOperation({ summary: 'Change a user\'s name, role (with bureau/enterprise) or activation; audited, sessions end on access changes' })
  async updateUser(@IdParam() id: number, @ZodBody(updateUserSchema) body: UpdateUserInput, @CurrentActor() actor: Actor) {
    if (id === actor.userId && ((body.role && body.role !== 'admin') || body.active === false)) {
      throw conflict('self-demotion', '不能停用自己或取消自己的管理员角色（请由另一位管理员操作）');
    }
    const u = await this.audit.within(async (m) => {
      const { before, after } = await this.users.update(id, body, m);
      return { result: after, audit: await userChangeAudit(this.users, m, actor, before, after) };
    });
    return userView(u);
  }

  @Post('users/:id/invite')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the invitation (set-password link) again' })
  async reinvite(@IdParam() id: number, @CurrentActor() actor: Actor) {
    await this.audit.within(async (m) => {
      const user = await this.users.get(id, m);
      await this.accounts.invite(m, user, actor);
      return { result: undefined, audit: { actor, action: 'user.invited', target: { type: 'user', id, region: await this.users.regionOf(user, m) } } };
    });
    return { sent: true };
  }
}

/** Which fields changed, as {field: [before, after]}. */
export function changes<T extends object>(before: T, after: T, fields: Array<keyof T>): Record<string, [unknown, unknown]> {
  return Object.fromEntries(fields.filter((f) => before[f] !== after[f]).map((f) => [f, [before[f], after[f]]]));
}

/** The audit entries of a user change: role changes and (de)activations are their own actions. */
export async function userChangeAudit(users: UsersService, m: EntityManager, actor: Actor, before: User, after: User): Promise<AuditRecord[]> {
  const target = { type: 'user', id: after.id, region: (await users.regionOf(after, m)) ?? (await users.regionOf(before, m)) };
  const entries: AuditRecord[] = [];
  const roleChange = changes(before, after, ['role', 'bureauId', 'enterpriseId']);
  if (Object.keys(roleChange).length) entries.push({ actor, action: 'user.role_changed', target, detail: { changed: roleChange } });
  if (before.active !== after.active) entries.push({ actor, action: after.active ? 'user.activated' : 'user.deactivated', target });
  const other = changes(before, after, ['name']);
  if (Object.keys(other).length) entries.push({ actor, action: 'user.updated', target, detail: { changed: other } });
  return entries;
}
