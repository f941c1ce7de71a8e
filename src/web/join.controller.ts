import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountsService } from '../accounts/accounts.service.js';
import { metaOf } from '../audit/request-context.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { emailOnlySchema, signupSchema } from '../accounts/accounts.schemas.js';
import { Public } from '../access/decorators.js';
import { ENTERPRISE_SIZES, NOTIFICATION_FREQUENCIES } from '../enterprises/enterprise.vocabulary.js';
import { ProblemException } from '../platform/http/problem.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import {
  emptyEnterpriseForm,
  enterpriseFieldFor,
  enterpriseFormView,
  readEnterpriseForm,
  type EnterpriseFormValues,
} from './forms/enterprise-form.js';
import { errorMap, field, formAndSchemaErrors, withRequiredMessages, type ErrorMap, type FormBody } from './forms/form-input.js';
import { Pages } from './pages.js';
import { ENTERPRISE_REQUIRED } from './forms/enterprise-form.js';
import { assertSameOrigin } from '../access/same-origin.js';
import { homeOf } from './page-params.js';
import { WebExceptionFilter } from './web-exception.filter.js';

interface AccountValues {
  accountName: string;
  email: string;
}

/** Where a sign-up error belongs: `enterprise.x` on the profile fields, `name` is the account holder's. */
export function signupFieldFor(path: string, values: EnterpriseFormValues): string {
  if (path.startsWith('enterprise.')) return enterpriseFieldFor(path, values);
  if (path === 'name') return 'accountName';
  if (path === 'enterprise') return 'name';
  return path;
}

/**
 * 企业入驻: the registration and the enterprise's first account in one form (anonymous; the
 * sign-up itself is rate-limited per address, refused from other sites by Origin, and a hidden
 * honeypot field catches naive bots), then the verification e-mail; plus the anonymous
 * "send me the link again" and "forgot my password" forms.
 */
@ApiExcludeController()
@Controller()
@Public()
@UseFilters(WebExceptionFilter)
export class JoinController {
  constructor(
    private readonly pages: Pages,
    private readonly accounts: AccountsService,
  ) {}

  @Get('join')
  form(@Req() req: AuthedRequest, @Res() res: Response) {
    if (req.actor) return res.redirect(303, homeOf(req.actor));
    this.render(req, res, emptyEnterpriseForm(), { accountName: '', email: '' }, {});
  }

  @Post('join')
  async join(@Req() req: AuthedRequest, @Res() res: Response) {
    assertSameOrigin(req);
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const form = readEnterpriseForm(body, { action });
    const account = { accountName: field(body, 'accountName'), email: field(body, 'email') };
    if (action !== 'save') return this.render(req, res, form.values, account, {}, 200);
    if (field(body, 'website')) return this.pages.redirect(res, '/join/done'); // honeypot: a bot filled the hidden field
    const input = {
      email: account.email,
      password: typeof body.password === 'string' ? body.password : '',
      name: account.accountName,
      enterprise: { uscc: form.values.uscc, ...form.input },
    };
    const parsed = parseSafe(signupSchema, input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => signupFieldFor(f, form.values)));
    if (!parsed.ok || Object.keys(errors).length) return this.render(req, res, form.values, account, errors);
    try {
      await this.accounts.signup(parsed.value, metaOf(req));
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500) {
        const mapped = err.errors?.length ? errorMap(err.errors, (f) => signupFieldFor(f, form.values)) : { _form: [err.message] };
        return this.render(req, res, form.values, account, mapped, err.status);
      }
      throw err;
    }
    this.pages.redirect(res, '/join/done');
  }

  @Get('join/done')
  done(@Req() req: AuthedRequest, @Res() res: Response) {
    this.pages.send(req, res, 'public/join-done', {}, { title: '注册成功' });
  }

  private render(
    req: AuthedRequest,
    res: Response,
    values: EnterpriseFormValues,
    account: AccountValues,
    errors: ErrorMap,
    status?: number,
  ) {
    this.pages.send(
      req,
      res,
      'public/join',
      { form: enterpriseFormView(values, ENTERPRISE_SIZES, NOTIFICATION_FREQUENCIES), account },
      { title: '企业入驻', errors: withRequiredMessages(errors, ENTERPRISE_REQUIRED), status },
    );
  }

  // ——— links by e-mail: resend verification, forgot password ———

  @Get('verify-email/resend')
  resendForm(@Req() req: AuthedRequest, @Res() res: Response) {
    this.pages.send(
      req,
      res,
      'public/email-form',
      { kind: 'resend', email: field(req.query as FormBody, 'email'), sent: false },
      { title: '重新发送验证邮件' },
    );
  }

  @Post('verify-email/resend')
  async resend(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.emailForm(req, res, 'resend');
  }

  @Get('password/forgot')
  forgotForm(@Req() req: AuthedRequest, @Res() res: Response) {
    this.pages.send(req, res, 'public/email-form', { kind: 'forgot', email: '', sent: false }, { title: '找回密码' });
  }

  @Post('password/forgot')
  async forgot(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.emailForm(req, res, 'forgot');
  }

  private async emailForm(req: AuthedRequest, res: Response, kind: 'resend' | 'forgot') {
    assertSameOrigin(req);
    const email = field(req.body as FormBody, 'email');
    const title = kind === 'resend' ? '重新发送验证邮件' : '找回密码';
    const parsed = parseSafe(emailOnlySchema, { email });
    if (!parsed.ok)
      return this.pages.send(
        req,
        res,
        'public/email-form',
        { kind, email, sent: false },
        { title, errors: withRequiredMessages(errorMap(parsed.errors), { email: '请填写邮箱' }) },
      );
    try {
      if (kind === 'resend') await this.accounts.resendVerification(parsed.value.email, metaOf(req));
      else await this.accounts.forgotPassword(parsed.value.email, metaOf(req));
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500) {
        return this.pages.send(
          req,
          res,
          'public/email-form',
          { kind, email, sent: false, message: err.message },
          { title, status: err.status },
        );
      }
      throw err;
    }
    // the same answer whether or not the address has an account
    this.pages.send(req, res, 'public/email-form', { kind, email, sent: true }, { title });
  }
}
