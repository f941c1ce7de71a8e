import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { metaOf } from '../audit/request-context.js';
import { enterpriseView } from '../enterprises/enterprise.view.js';
import { ProblemException } from '../platform/http/problem.js';
import { ApiProblems, HtmlResponse, schemaRef, TokenQuery, ZodResponse } from '../platform/http/openapi.js';
import { ZodBody } from '../platform/validation/zod-http.js';
import { parseOrThrow } from '../platform/validation/zod-validation.js';
import { AccountsService } from './accounts.service.js';
import type { Actor } from '../access/actor.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { userView } from './user.view.js';
import {
  changePasswordSchema,
  emailOnlySchema,
  resetPasswordSchema,
  signupSchema,
  tokenSchema,
  type ChangePasswordInput,
  type SignupInput,
} from './accounts.schemas.js';
import { CurrentActor, Public } from '../access/decorators.js';
import { SameOriginOnly } from '../access/same-origin.js';
import { acceptedResponse, passwordResetResponse, signupResponse, verifiedResponse } from './accounts.responses.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small self-contained page for the e-mailed links (no scripts; inline styles are allowed by the CSP). */
function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — InvestMatch 招商撮合</title></head>
<body style="margin:0;background:#f4f5f7;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1f2933;line-height:1.6;">
<main style="max-width:420px;margin:40px auto;background:#fff;border-radius:8px;padding:24px;">
<p style="margin:0 0 8px;color:#b42318;font-weight:600;">InvestMatch 招商撮合</p><h1 style="font-size:20px;margin:0 0 16px;">${escapeHtml(title)}</h1>
${body}</main></body></html>`;
}

const resetForm = (token: string, error?: string) =>
  page(
    '设置新密码',
    `${error ? `<p role="alert" style="color:#b42318;">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/auth/reset-password">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<label for="password" style="display:block;margin:0 0 4px;">新密码（至少 10 个字符，包含字母、数字、符号中的至少两类）</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200" style="width:100%;box-sizing:border-box;padding:10px;font-size:16px;margin:0 0 16px;">
<button type="submit" style="background:#b42318;color:#fff;border:0;border-radius:6px;padding:12px 20px;font-size:16px;">保存新密码</button>
</form>`,
  );

const link = (href: string, label: string) => `<p><a href="${href}" style="color:#b42318;">${label}</a></p>`;

/**
 * Self-service accounts. Anonymous routes are rate-limited per client address (Redis); answers
 * to "send me a link" are the same whether or not the address has an account.
 */
@ApiTags('auth 登录')
@Controller('auth')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('signup')
  @Public()
  @SameOriginOnly()
  @ApiOperation({
    summary: '企业入驻 with an account: the registration and the first user; a verification e-mail follows (login works once verified)',
  })
  @ApiProblems(409, 429)
  @ZodResponse(signupResponse)
  async signup(@ZodBody(signupSchema) body: SignupInput, @Req() req: Request) {
    const { user, enterprise } = await this.accounts.signup(body, metaOf(req));
    return { user: userView(user), enterprise: enterpriseView(enterprise, { contacts: true }), verificationSent: true };
  }

  @Post('verify-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Use the e-mailed verification token' })
  @ApiProblems(429)
  @ZodResponse(verifiedResponse)
  async verifyEmail(@ZodBody(tokenSchema) body: { token: string }, @Req() req: Request) {
    return { verified: true, user: userView(await this.accounts.verifyEmail(body.token, metaOf(req))) };
  }

  /** The e-mailed verification link: verifies and says so (a page, for people). */
  @Get('verify-email')
  @Public()
  @ApiOperation({ summary: 'The e-mailed verification link (a page for people; API clients POST the token instead)' })
  @TokenQuery('the verification token of the e-mail')
  @HtmlResponse({ 200: '邮箱已验证', 400: '令牌无效、已使用或已过期' })
  @ApiProblems(429)
  async verifyEmailPage(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    try {
      await this.accounts.verifyEmail(typeof token === 'string' ? token : '', metaOf(req));
      res.type('html').send(page('邮箱已验证', `<p>您的邮箱已验证，现在可以登录了。</p>${link('/login', '前往登录')}`));
    } catch (err) {
      if (!(err instanceof ProblemException) || err.status >= 500) throw err;
      res
        .status(err.status)
        .type('html')
        .send(page('无法验证邮箱', `<p>${escapeHtml(err.message)}</p>${link('/login', '前往登录页重新发送验证邮件')}`));
    }
  }

  @Post('verify-email/resend')
  @Public()
  @SameOriginOnly()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the verification e-mail again (same answer for unknown addresses)' })
  @ApiProblems(429)
  @ZodResponse(acceptedResponse)
  async resend(@ZodBody(emailOnlySchema) body: { email: string }, @Req() req: Request) {
    await this.accounts.resendVerification(body.email, metaOf(req));
    return { accepted: true };
  }

  @Post('password/forgot')
  @Public()
  @SameOriginOnly()
  @HttpCode(202)
  @ApiOperation({ summary: 'E-mail a single-use password-reset link valid for 1 hour (same answer for unknown addresses)' })
  @ApiProblems(429)
  @ZodResponse(acceptedResponse)
  async forgot(@ZodBody(emailOnlySchema) body: { email: string }, @Req() req: Request) {
    await this.accounts.forgotPassword(body.email, metaOf(req));
    return { accepted: true };
  }

  /** The e-mailed reset/invitation link: a form (the token is used only when the form is sent). */
  @Get('reset-password')
  @Public()
  @ApiOperation({ summary: 'The e-mailed reset or invitation link: a set-password form (the token is used when the form is sent)' })
  @TokenQuery('the reset or invitation token of the e-mail')
  @HtmlResponse({ 200: '设置新密码表单', 400: '链接无效、已使用或已过期' })
  async resetForm(@Query('token') token: unknown, @Res() res: Response) {
    const t = typeof token === 'string' ? token : '';
    if (!(await this.accounts.tokenUsable(t))) {
      return res
        .status(400)
        .type('html')
        .send(page('链接已失效', `<p>链接无效、已使用或已过期，请重新申请。</p>${link('/login', '返回登录页')}`));
    }
    res.type('html').send(resetForm(t));
  }

  @Post('reset-password')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with a reset or invitation token; every session of the account ends' })
  @ApiBody({ schema: schemaRef(resetPasswordSchema, 'ResetPasswordRequest') as never })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiProblems(429)
  @ZodResponse(passwordResetResponse, { description: 'JSON requests; a form post is redirected (303) to /login' })
  async reset(@Body() raw: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const form = !!req.is('application/x-www-form-urlencoded');
    const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    try {
      // parsed here rather than by a pipe, so a form post gets the form back with the reason
      const input = parseOrThrow(resetPasswordSchema, form ? { token: body.token, password: body.password } : raw);
      const user = await this.accounts.resetPassword(input, metaOf(req));
      if (form) return void res.redirect(303, '/login');
      return { reset: true, user: userView(user) };
    } catch (err) {
      if (!form || !(err instanceof ProblemException) || err.status >= 500) throw err;
      const reason = err.errors?.find((e) => e.field === 'password')?.message ?? err.message;
      res
        .status(err.status)
        .type('html')
        .send(resetForm(typeof body.token === 'string' ? body.token : '', reason));
    }
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: "Change one's own password (other sessions end)" })
  async changePassword(
    @ZodBody(changePasswordSchema) body: ChangePasswordInput,
    @CurrentActor() actor: Actor,
    @Req() req: AuthedRequest,
  ): Promise<void> {
    await this.accounts.changePassword(actor, body, req.sessionToken);
  }
}
