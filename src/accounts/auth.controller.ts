import { Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ZodResponse } from '../platform/http/openapi.js';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { toPage } from '../platform/http/pagination.js';
import { ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { ROLES, type Actor } from '../access/actor.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { clearSessionCookie, clientMeta, setSessionCookie } from '../access/session-cookie.js';
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
} from './accounts.schemas.js';
import { AuthService } from './auth.service.js';
import { CurrentActor, Public, Roles } from '../access/decorators.js';
import { SameOriginOnly } from '../access/same-origin.js';
import { SessionsService } from '../access/sessions.service.js';
import { UserAdminService } from './user-admin.service.js';
import { bureauView, userView } from './user.view.js';
import { IdParam } from '../platform/validation/zod-http.js';
import {
  bureauListResponse,
  bureauResponse,
  loginResponse,
  meResponse,
  sentResponse,
  userPageResponse,
  userResponse,
} from './accounts.responses.js';

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
  @ZodResponse(loginResponse)
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
    clearSessionCookie(res);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who am I (and the CSRF token of a browser session)' })
  @ZodResponse(meResponse)
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
  constructor(private readonly admin: UserAdminService) {}

  @Post('bureaus')
  @ApiOperation({ summary: 'Admin: create a bureau (招商局) for a region' })
  @ZodResponse(bureauResponse)
  async createBureau(@ZodBody(createBureauSchema) body: CreateBureauInput, @CurrentActor() actor: Actor) {
    return bureauView(await this.admin.createBureau(actor, body));
  }

  @Get('bureaus')
  @ApiOperation({ summary: 'Admin: all bureaus' })
  @ZodResponse(bureauListResponse)
  async bureaus(@CurrentActor() actor: Actor) {
    return { items: (await this.admin.bureaus(actor)).map(bureauView) };
  }

  @Patch('bureaus/:id')
  @ApiOperation({ summary: "Rename a bureau, move its region (its officers' scope follows) or change its idle-lead limit" })
  @ZodResponse(bureauResponse)
  async updateBureau(@IdParam() id: number, @ZodBody(updateBureauSchema) body: UpdateBureauInput, @CurrentActor() actor: Actor) {
    return bureauView(await this.admin.updateBureau(actor, id, body));
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a user; without a password the user gets an invitation e-mail with a set-password link' })
  @ZodResponse(userResponse)
  async createUser(@ZodBody(createUserSchema) body: CreateUserInput, @CurrentActor() actor: Actor) {
    return userView(await this.admin.createUser(actor, body));
  }

  @Get('users')
  @ApiOperation({ summary: 'Admin: users, filtered by role, bureau, enterprise or text' })
  @ZodResponse(userPageResponse)
  async list(@ZodQuery(listUsersQuery) q: ListUsersQuery, @CurrentActor() actor: Actor) {
    const page = await this.admin.listUsers(actor, q);
    return toPage(page.items.map(userView), page.total, page);
  }

  @Get('users/:id')
  @ApiOperation({ summary: 'Admin: one user' })
  @ZodResponse(userResponse)
  async user(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return userView(await this.admin.user(actor, id));
  }

  @Patch('users/:id')
  @ApiOperation({ summary: "Change a user's name, role (with bureau/enterprise) or activation; audited, sessions end on access changes" })
  @ZodResponse(userResponse)
  async updateUser(@IdParam() id: number, @ZodBody(updateUserSchema) body: UpdateUserInput, @CurrentActor() actor: Actor) {
    return userView(await this.admin.updateUser(actor, id, body));
  }

  @Post('users/:id/invite')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the invitation (set-password link) again' })
  @ZodResponse(sentResponse)
  async reinvite(@IdParam() id: number, @CurrentActor() actor: Actor) {
    await this.admin.reinvite(actor, id);
    return { sent: true };
  }
}
