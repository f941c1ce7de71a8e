import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { toPage } from '../platform/http/pagination.js';
import { ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { ROLES, type Actor } from './actor.js';
import { SESSION_COOKIE, type AuthedRequest } from './auth.guard.js';
import { createBureauSchema, createUserSchema, loginSchema, type CreateBureauInput, type CreateUserInput, type LoginInput } from './auth.schemas.js';
import { AuthService } from './auth.service.js';
import { Bureau } from './bureau.entity.js';
import { CurrentActor, Public, Roles } from './decorators.js';
import { SessionsService } from './sessions.service.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';
import { DataSource } from 'typeorm';
import { regionRef } from '../enterprises/enterprise.view.js';
import { User as UserEntity } from './user.entity.js';

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
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in. API clients get a bearer token; `?mode=cookie` sets the browser session cookie and returns its CSRF token.',
  })
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
    private readonly dataSource: DataSource,
  ) {}

  @Post('bureaus')
  async createBureau(@ZodBody(createBureauSchema) body: CreateBureauInput) {
    return bureauView(await this.users.createBureau(body));
  }

  @Get('bureaus')
  async bureaus() {
    const items = await this.dataSource.manager.find(Bureau, { order: { regionCode: 'ASC', id: 'ASC' } });
    return { items: items.map(bureauView) };
  }

  @Post('users')
  async createUser(@ZodBody(createUserSchema) body: CreateUserInput) {
    return userView(await this.users.createUser(body, undefined, { emailVerified: body.role !== 'enterprise' }));
  }

  @Get('users')
  async list(@ZodQuery(z.strictObject({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(50) })) q: { page: number; pageSize: number }) {
    const [items, total] = await this.dataSource.manager.findAndCount(UserEntity, { order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(items.map(userView), total, q);
  }
}
