import { Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthService } from '../accounts/auth.service.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { loginSchema } from '../accounts/accounts.schemas.js';
import { assertSameOrigin } from '../access/same-origin.js';
import { Public } from '../access/decorators.js';
import { clearSessionCookie, clientMeta, setSessionCookie } from '../access/session-cookie.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { ProblemException } from '../platform/http/problem.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { errorMap, field, safeNext, type FormBody } from './forms/form-input.js';
import { Pages } from './pages.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { homeOf } from './page-params.js';

/** Where a signed-in user starts. */
/** Login and logout for browsers (the session cookie `im_session` + its CSRF token). */
@ApiExcludeController()
@Controller()
@Public()
@UseFilters(WebExceptionFilter)
export class SessionPagesController {
  constructor(
    private readonly pages: Pages,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  loginForm(@Req() req: AuthedRequest, @Res() res: Response) {
    const next = safeNext(field(req.query as FormBody, 'next'), '');
    if (req.actor) return res.redirect(303, next || homeOf(req.actor));
    this.pages.send(req, res, 'public/login', { email: '', next, message: null }, { title: '登录' });
  }

  @Post('login')
  async login(@Req() req: AuthedRequest, @Res() res: Response) {
    assertSameOrigin(req);
    const body = req.body as FormBody;
    const email = field(body, 'email');
    const next = safeNext(field(body, 'next'), '');
    const parsed = parseSafe(loginSchema, { email, password: typeof body.password === 'string' ? body.password : '' });
    if (!parsed.ok) {
      return this.pages.send(req, res, 'public/login', { email, next, message: null }, { title: '登录', errors: errorMap(parsed.errors) });
    }
    try {
      const { token, expiresAt, user } = await this.auth.login(parsed.value, 'browser', clientMeta(req));
      setSessionCookie(res, this.config, token, expiresAt);
      res.redirect(303, next || homeOf(user));
    } catch (err) {
      if (!(err instanceof ProblemException) || err.status >= 500) throw err;
      // wrong password, locked, rate-limited, disabled: the form again, with the reason
      this.pages.send(
        req,
        res,
        'public/login',
        { email, next, message: err.message, unverified: err.type === 'email-unverified' },
        { title: '登录', status: err.status },
      );
    }
  }

  @Post('logout')
  async logout(@Req() req: AuthedRequest, @Res() res: Response) {
    if (req.actor && req.sessionToken) await this.auth.logout(req.sessionToken, req.actor);
    clearSessionCookie(res);
    this.pages.redirect(res, '/', 'loggedOut');
  }
}
