import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountsService } from '../accounts/accounts.service.js';
import { metaOf } from '../audit/request-context.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { claimSchema, emailOnlySchema, signupSchema } from '../accounts/accounts.schemas.js';
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
import {
  checked,
  errorMap,
  field,
  formAndSchemaErrors,
  inFormOrder,
  problemErrors,
  withRequiredMessages,
  type ErrorMap,
  type FormBody,
} from './forms/form-input.js';
import { EnterpriseClaimsService } from '../accounts/enterprise-claims.service.js';
import { isLegalKind, LegalDocumentsService } from '../accounts/legal-documents.service.js';
import { notFound } from '../platform/http/problem.js';
import { Pages } from './pages.js';
import { ENTERPRISE_REQUIRED } from './forms/enterprise-form.js';
import { assertSameOrigin } from '../access/same-origin.js';
import { homeOf } from './page-params.js';
import { WebExceptionFilter } from './web-exception.filter.js';

interface AccountValues {
  accountName: string;
  email: string;
  /** The consent box was ticked (kept when the form comes back with errors). */
  agreed: boolean;
}

/** The 企业入驻 form's fields top to bottom: the error summary lists problems in this order. */
export const JOIN_FIELD_ORDER = [
  'uscc',
  'name',
  'size',
  'home',
  'description',
  'industryCodes',
  'targetRegionCodes',
  'investmentMinWan',
  'investmentMaxWan',
  'certifications',
  'needLandMu',
  'needWorkforce',
  'needNotes',
  'contacts',
  'contact0_name',
  'contact0_title',
  'contact0_phone',
  'contact0_email',
  'contact1_name',
  'contact1_title',
  'contact1_phone',
  'contact1_email',
  'notificationFrequency',
  'accountName',
  'email',
  'password',
  'passwordConfirm',
  'consent',
];

/** The labels the error summary puts before each message ("邮箱：必填"). */
export const JOIN_FIELD_LABELS: Record<string, string> = {
  uscc: '统一社会信用代码',
  name: '企业名称',
  size: '企业规模',
  home: '注册地',
  description: '企业简介',
  industryCodes: '所属行业',
  targetRegionCodes: '意向投资地区',
  investmentMinWan: '计划投资额下限',
  investmentMaxWan: '计划投资额上限',
  certifications: '资质认定',
  needLandMu: '新增用地需求',
  needWorkforce: '用工需求',
  needNotes: '其他需求',
  contacts: '联系人',
  contact0_name: '联系人 1 姓名',
  contact0_phone: '联系人 1 电话',
  contact0_email: '联系人 1 邮箱',
  contact1_name: '联系人 2 姓名',
  contact1_phone: '联系人 2 电话',
  contact1_email: '联系人 2 邮箱',
  notificationFrequency: '匹配通知',
  accountName: '您的姓名',
  email: '邮箱',
  password: '密码',
  passwordConfirm: '确认密码',
  consent: '用户协议和隐私政策',
};

/** The account part of the form: what only the form asks (the password twice, the consent box) is checked here. */
function accountErrors(body: FormBody, account: AccountValues): ErrorMap {
  const errors: ErrorMap = {};
  const pw = typeof body.password === 'string' ? body.password : '';
  const again = typeof body.passwordConfirm === 'string' ? body.passwordConfirm : '';
  if (!account.email) errors.email = ['必填'];
  if (pw && again !== pw) errors.passwordConfirm = [again ? '两次输入的密码不一致' : '请再输入一次密码'];
  if (!account.agreed) errors.consent = ['请阅读并勾选同意用户协议和隐私政策'];
  return errors;
}

/** The versions the page showed (hidden fields), sent as the consent when the box is ticked. */
function consentOf(body: FormBody, account: AccountValues) {
  if (!account.agreed) return undefined;
  const termsVersion = Number(field(body, 'termsVersion'));
  const privacyVersion = Number(field(body, 'privacyVersion'));
  return {
    termsVersion: Number.isSafeInteger(termsVersion) ? termsVersion : 0,
    privacyVersion: Number.isSafeInteger(privacyVersion) ? privacyVersion : 0,
  };
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
    private readonly claims: EnterpriseClaimsService,
    private readonly legal: LegalDocumentsService,
  ) {}

  @Get('join')
  async form(@Req() req: AuthedRequest, @Res() res: Response) {
    if (req.actor) return res.redirect(303, homeOf(req.actor));
    await this.render(req, res, emptyEnterpriseForm(), { accountName: '', email: '', agreed: false }, {});
  }

  @Post('join')
  async join(@Req() req: AuthedRequest, @Res() res: Response) {
    assertSameOrigin(req);
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const form = readEnterpriseForm(body, { action });
    const account = { accountName: field(body, 'accountName'), email: field(body, 'email'), agreed: checked(body, 'agree') };
    if (action === 'claim') return this.claim(req, res, body, form.values, account);
    if (action !== 'save') return this.render(req, res, form.values, account, {}, { status: 200 });
    if (field(body, 'website')) return this.pages.redirect(res, '/join/done'); // honeypot: a bot filled the hidden field
    const input = {
      email: account.email,
      password: typeof body.password === 'string' ? body.password : '',
      name: account.accountName,
      enterprise: { uscc: form.values.uscc, ...form.input },
      consent: consentOf(body, account),
    };
    // an enterprise already on record (registered by staff or imported): offer 认领 before asking for the rest
    if (await this.claims.isOnRecord(form.values.uscc))
      return this.render(req, res, form.values, account, {}, { status: 409, claimable: true });
    const parsed = parseSafe(signupSchema, input);
    // the form's own account checks replace the schema's for the same field (an empty e-mail is 必填, not malformed)
    const errors = {
      ...formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => signupFieldFor(f, form.values))),
      ...accountErrors(body, account),
    };
    if (!parsed.ok || Object.keys(errors).length) return this.render(req, res, form.values, account, errors);
    try {
      await this.accounts.signup(parsed.value, metaOf(req));
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500) {
        // an enterprise already on record (registered by staff or imported): offer 认领 instead
        if (err.type?.endsWith('duplicate-uscc')) return this.render(req, res, form.values, account, {}, { status: 409, claimable: true });
        const mapped = err.errors?.length ? errorMap(err.errors, (f) => signupFieldFor(f, form.values)) : { _form: [err.message] };
        return this.render(req, res, form.values, account, mapped, { status: err.status });
      }
      throw err;
    }
    this.pages.redirect(res, '/join/done');
  }

  /** 认领: the account for an enterprise already on record, confirmed by its contact's e-mail or by an officer. */
  private async claim(req: AuthedRequest, res: Response, body: FormBody, values: EnterpriseFormValues, account: AccountValues) {
    if (field(body, 'website')) return this.pages.redirect(res, '/join/done');
    const parsed = parseSafe(claimSchema, {
      uscc: values.uscc,
      email: account.email,
      password: typeof body.password === 'string' ? body.password : '',
      name: account.accountName,
      consent: consentOf(body, account),
    });
    const errors = { ...(parsed.ok ? {} : errorMap(parsed.errors, { name: 'accountName' })), ...accountErrors(body, account) };
    if (!parsed.ok || Object.keys(errors).length) return this.render(req, res, values, account, errors, { claimable: true });
    try {
      const r = await this.claims.request(parsed.value, metaOf(req));
      this.pages.send(req, res, 'public/join-claimed', { claim: r }, { title: '认领申请已提交' });
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.render(
          req,
          res,
          values,
          account,
          problemErrors(err, (f) => (f === 'name' ? 'accountName' : f)),
          {
            status: err.status,
            claimable: true,
          },
        );
      throw err;
    }
  }

  /** The link mailed to the enterprise's contact: a page with a button (a mail scanner opening the link confirms nothing). */
  @Get('join/claim')
  async claimForm(@Req() req: AuthedRequest, @Res() res: Response) {
    const token = field(req.query as FormBody, 'token');
    const claim = await this.claims.peek(token);
    this.pages.send(
      req,
      res,
      'public/claim-confirm',
      { token, claim, confirmed: null },
      { title: '确认企业账户认领', status: claim ? 200 : 400 },
    );
  }

  @Post('join/claim')
  async claimConfirm(@Req() req: AuthedRequest, @Res() res: Response) {
    assertSameOrigin(req);
    const token = field(req.body as FormBody, 'token');
    try {
      const r = await this.claims.confirm(token, metaOf(req));
      this.pages.send(req, res, 'public/claim-confirm', { token: '', claim: null, confirmed: r }, { title: '已确认认领' });
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.pages.send(
          req,
          res,
          'public/claim-confirm',
          { token, claim: null, confirmed: null },
          { title: '确认企业账户认领', status: err.status },
        );
      throw err;
    }
  }

  /** 用户协议 / 隐私政策: the version in force. */
  @Get('legal/:kind')
  async legalText(@Req() req: AuthedRequest, @Res() res: Response) {
    const kind = String(req.params.kind);
    if (!isLegalKind(kind)) throw notFound('页面');
    const doc = await this.legal.current(kind);
    this.pages.send(req, res, 'public/legal', { doc }, { title: doc.title });
  }

  @Get('join/done')
  done(@Req() req: AuthedRequest, @Res() res: Response) {
    this.pages.send(req, res, 'public/join-done', {}, { title: '注册成功' });
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    values: EnterpriseFormValues,
    account: AccountValues,
    errors: ErrorMap,
    opts: { status?: number; claimable?: boolean } = {},
  ) {
    const legal = await this.legal.currentVersions();
    this.pages.send(
      req,
      res,
      'public/join',
      { form: enterpriseFormView(values, ENTERPRISE_SIZES, NOTIFICATION_FREQUENCIES), account, legal, claimable: !!opts.claimable },
      {
        title: '企业入驻',
        errors: inFormOrder(withRequiredMessages(errors, ENTERPRISE_REQUIRED), JOIN_FIELD_ORDER),
        errorLabels: JOIN_FIELD_LABELS,
        status: opts.status,
      },
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
