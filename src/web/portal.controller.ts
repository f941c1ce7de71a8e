import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ChainsService } from '../chains/chains.service.js';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { Roles } from '../access/decorators.js';
import { updateEnterpriseSchema } from '../enterprises/enterprise.schemas.js';
import { certificationView } from '../enterprises/enterprise.view.js';
import {
  certificationKinds,
  ENTERPRISE_SIZES,
  NOTIFICATION_FREQUENCIES,
  type CertificationKind,
} from '../enterprises/enterprise.vocabulary.js';
import { EnterprisesService, EVIDENCE_MAX_BYTES } from '../enterprises/enterprises.service.js';
import { inquirySchema, listLeadsQuery } from '../leads/lead.schemas.js';
import { enterpriseLeadView } from '../leads/lead.view.js';
import { LeadsService } from '../leads/leads.service.js';
import { MatchesService } from '../matching/matches.service.js';
import { NotificationPreferencesService } from '../notifications/notification-preferences.service.js';
import { preferencesPatchSchema } from '../notifications/notification.schemas.js';
import { notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { CALCULATOR_STATUS_LABELS, EligibilityService, type CalculatorStatus } from '../policies/eligibility/eligibility.service.js';
import { POLICY_VALIDITY } from '../policies/policy.vocabulary.js';
import { ProjectsService, withPublishedIncentives } from '../projects/projects.service.js';
import {
  enterpriseFieldFor,
  enterpriseFormValues,
  enterpriseFormView,
  readEnterpriseForm,
  type EnterpriseFormValues,
} from './forms/enterprise-form.js';
import { errorMap, field, formAndSchemaErrors, withRequiredMessages, type ErrorMap, type FormBody } from './forms/form-input.js';
import { readPreferencesForm } from './notification-pages.js';
import { Pages } from './pages.js';
import { idOf, pageNo } from './page-params.js';
import { ELIGIBILITY_BADGE, ELIGIBILITY_LABELS } from './view/conditions.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { ENTERPRISE_REQUIRED } from './forms/enterprise-form.js';

const MATCH_TABS = {
  active: { label: '推荐中', statuses: undefined as string[] | undefined },
  interested: { label: '感兴趣', statuses: ['interested', 'converted'] },
  dismissed: { label: '不感兴趣', statuses: ['dismissed'] },
} as const;

/** The enterprise portal: its matches (with the 感兴趣 / 不感兴趣 answers), 政策计算器, profile, notifications, leads. */
@ApiExcludeController()
@Controller('portal')
@Roles('enterprise')
@UseFilters(WebExceptionFilter)
export class PortalController {
  constructor(
    private readonly pages: Pages,
    private readonly enterprises: EnterprisesService,
    private readonly projects: ProjectsService,
    private readonly matches: MatchesService,
    private readonly eligibility: EligibilityService,
    private readonly leadsService: LeadsService,
    private readonly preferences: NotificationPreferencesService,
    private readonly chains: ChainsService,
  ) {}

  private enterpriseId(req: AuthedRequest): number {
    return req.actor!.enterpriseId!;
  }

  @Get()
  index(@Res() res: Response) {
    res.redirect(303, '/portal/matches');
  }

  // ——— 我的匹配 ———

  @Get('matches')
  async matchList(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const tab = (Object.keys(MATCH_TABS).includes(field(q, 'tab')) ? field(q, 'tab') : 'active') as keyof typeof MATCH_TABS;
    const page = await this.matches.forEnterprise(req.actor!, this.enterpriseId(req), {
      page: pageNo(q),
      pageSize: 10,
      status: MATCH_TABS[tab].statuses as never,
    });
    const enterprise = await this.enterprises.get(this.enterpriseId(req));
    this.pages.send(req, res, 'portal/matches', { result: page, tab, tabs: Object.entries(MATCH_TABS), enterprise }, { title: '我的匹配' });
  }

  /**
   * Mails carry `/portal/matches/:id` links, and officers are sent copies or follow them from the
   * console: staff (who may read the match, region-scoped) land on the console's equivalent — the
   * lead of that enterprise on that project, else the project's matched-enterprise row.
   */
  @Get('matches/:id')
  @Roles('enterprise', 'admin', 'bureau_lead', 'officer')
  async match(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '匹配');
    const m = await this.matches.get(req.actor!, id);
    if (req.actor!.role !== 'enterprise') return res.redirect(303, await this.consoleMatchPath(req.actor!, m));
    const project = withPublishedIncentives(await this.projects.get(m.projectId));
    const enterprise = await this.enterprises.get(this.enterpriseId(req));
    // each incentive of the project, evaluated for this enterprise investing here
    const incentiveIds = (project.incentives ?? []).map((i) => i.id);
    const evaluated = (await this.eligibility.forProject(enterprise, { ...project, incentiveIds })).map(
      ({ incentive, result, expired, missing }) => ({
        incentive,
        status: expired ? 'expired' : result.status,
        label: expired ? POLICY_VALIDITY.expired : ELIGIBILITY_LABELS[result.status],
        badge: expired ? 'badge-grey' : ELIGIBILITY_BADGE[result.status],
        checks: result.checks,
        missing,
      }),
    );
    const chains = await this.chains.forProject(project, enterprise.industryCodes);
    this.pages.send(req, res, 'portal/match', { m, project, evaluated, chains }, { title: `匹配：${project.title}` });
  }

  private async consoleMatchPath(actor: Actor, m: { id: number; enterpriseId: number; projectId: number }): Promise<string> {
    const q = listLeadsQuery.parse({ enterpriseId: m.enterpriseId, projectId: m.projectId, pageSize: 1 });
    const [lead] = (await this.leadsService.list(actor, q)).items;
    return lead ? `/console/leads/${lead.id}` : `/console/projects/${m.projectId}#match-${m.id}`;
  }

  @Post('matches/:id/interest')
  async interest(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '匹配');
    await this.matches.interest(req.actor!, id);
    this.pages.redirect(res, `/portal/matches/${id}`, 'interested');
  }

  @Post('matches/:id/dismiss')
  async dismiss(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '匹配');
    await this.matches.dismiss(req.actor!, id);
    this.pages.redirect(res, '/portal/matches', 'dismissed');
  }

  // ——— 我的政策（政策计算器） ———

  @Get('incentives')
  async incentives(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const status = ['eligible', 'needs_info', 'not_eligible', 'expired'].includes(field(q, 'status'))
      ? (field(q, 'status') as CalculatorStatus)
      : undefined;
    const result = await this.eligibility.calculate(req.actor!, this.enterpriseId(req), { page: pageNo(q), pageSize: 20, status });
    const badges = { ...ELIGIBILITY_BADGE, expired: 'badge-grey' };
    this.pages.send(
      req,
      res,
      'portal/incentives',
      { result, status: status ?? '', labels: CALCULATOR_STATUS_LABELS, badges },
      { title: '我的政策' },
    );
  }

  // ——— 企业资料 ———

  @Get('profile')
  async profile(@Req() req: AuthedRequest, @Res() res: Response) {
    const e = await this.enterprises.get(this.enterpriseId(req));
    await this.renderProfile(req, res, enterpriseFormValues(e), {});
  }

  @Post('profile')
  async saveProfile(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const saved = await this.enterprises.get(this.enterpriseId(req));
    const form = readEnterpriseForm(body, { action, saved });
    form.values.uscc = saved.uscc;
    if (action !== 'save') return this.renderProfile(req, res, form.values, {}, 200);
    const parsed = parseSafe(updateEnterpriseSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, (f) => enterpriseFieldFor(f, form.values)));
    if (!parsed.ok || Object.keys(errors).length) return this.renderProfile(req, res, form.values, errors);
    try {
      await this.enterprises.edit(req.actor!, saved.id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.errors?.length) {
        return this.renderProfile(
          req,
          res,
          form.values,
          errorMap(err.errors, (f) => enterpriseFieldFor(f, form.values)),
          err.status,
        );
      }
      throw err;
    }
    this.pages.redirect(res, '/portal/profile', 'saved');
  }

  private async renderProfile(req: AuthedRequest, res: Response, values: EnterpriseFormValues, errors: ErrorMap, status?: number) {
    const e = await this.enterprises.get(this.enterpriseId(req));
    const certifications = (e.certifications ?? []).sort((a, b) => a.kind.localeCompare(b.kind)).map(certificationView);
    this.pages.send(
      req,
      res,
      'portal/profile',
      {
        form: enterpriseFormView(values, ENTERPRISE_SIZES, NOTIFICATION_FREQUENCIES),
        enterpriseId: e.id,
        certifications,
        evidenceMaxMb: EVIDENCE_MAX_BYTES / 1024 / 1024,
      },
      { title: '企业资料', errors: withRequiredMessages(errors, ENTERPRISE_REQUIRED), status },
    );
  }

  /** 上传证书: the certificate for one claim (multipart, parsed before the guard like the other uploads). */
  @Post('certifications/:kind/evidence')
  async attachEvidence(
    @Req() req: AuthedRequest & { file?: { buffer: Buffer; originalname?: string; size: number } },
    @Res() res: Response,
  ) {
    const kind = req.params.kind as CertificationKind;
    if (!(certificationKinds as string[]).includes(kind)) throw notFound('认定');
    const id = this.enterpriseId(req);
    try {
      await this.enterprises.attachEvidence(req.actor!, id, kind, req.file?.size ? req.file : undefined);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404) {
        const saved = await this.enterprises.get(id);
        return this.renderProfile(
          req,
          res,
          enterpriseFormValues(saved),
          { [`evidence_${kind}`]: [err.errors?.[0]?.message ?? err.message] },
          err.status,
        );
      }
      throw err;
    }
    this.pages.redirect(res, '/portal/profile#certifications', 'evidenceAttached');
  }

  // ——— 通知设置 ———

  @Get('notifications')
  async notifications(@Req() req: AuthedRequest, @Res() res: Response) {
    const prefs = await this.preferences.forUser(req.actor!.userId);
    this.pages.send(
      req,
      res,
      'portal/notifications',
      { prefs, frequencies: Object.entries(NOTIFICATION_FREQUENCIES) },
      { title: '通知设置' },
    );
  }

  @Post('notifications')
  async saveNotifications(@Req() req: AuthedRequest, @Res() res: Response) {
    const parsed = parseSafe(preferencesPatchSchema, readPreferencesForm(req.body as FormBody, { staff: false }));
    if (!parsed.ok) {
      const prefs = await this.preferences.forUser(req.actor!.userId);
      return this.pages.send(
        req,
        res,
        'portal/notifications',
        { prefs, frequencies: Object.entries(NOTIFICATION_FREQUENCIES) },
        { title: '通知设置', errors: errorMap(parsed.errors) },
      );
    }
    await this.preferences.updateUser(req.actor!.userId, parsed.value);
    this.pages.redirect(res, '/portal/notifications', 'saved');
  }

  // ——— 我的线索 ———

  @Get('leads')
  async leads(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = parseSafe(listLeadsQuery, { page: String(pageNo(req.query as FormBody)), pageSize: '50' });
    if (!q.ok) throw validationFailed(q.errors);
    // the leads API's own view for enterprise users: where each stands and who to talk to
    const page = await this.leadsService.list(req.actor!, q.value);
    const contacts = await this.leadsService.contactsOf(page.items.map((r) => r.id));
    const leads = { ...page, items: page.items.map((r) => enterpriseLeadView(r, contacts.get(r.id))) };
    const found = await this.matches.forEnterprise(req.actor!, this.enterpriseId(req), { page: 1, pageSize: 50, status: ['interested'] });
    // a project with its lead already is listed once, with the lead (and who works it)
    const withLead = new Set(leads.items.flatMap((l) => (l.project ? [l.project.id] : [])));
    const interested = { ...found, items: found.items.filter((m) => !withLead.has(m.project.id)) };
    const justAsked = Number(field(req.query as FormBody, 'lead')) || null;
    this.pages.send(req, res, 'portal/leads', { leads, interested, justAsked }, { title: '我的线索' });
  }

  /** 感兴趣 / 咨询 from a 项目库 or 政策库 page (主动咨询): the lead for the responsible bureau, then 我的线索 says who will call. */
  @Post('inquiries')
  async inquire(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const projectId = /^\d{1,9}$/.test(field(b, 'projectId')) ? Number(field(b, 'projectId')) : undefined;
    const policyId = /^\d{1,9}$/.test(field(b, 'policyId')) ? Number(field(b, 'policyId')) : undefined;
    const back = projectId ? `/library/projects/${projectId}` : policyId ? `/library/policies/${policyId}` : '/library/projects';
    const parsed = parseSafe(inquirySchema, {
      ...(projectId ? { projectId } : {}),
      ...(policyId && !projectId ? { policyId } : {}),
      message: field(b, 'message'),
    });
    if (!parsed.ok)
      return res.redirect(303, `${back}?inquiry=${parsed.errors.some((e) => e.field === 'message') ? 'empty' : 'bad'}#inquiry`);
    const r = await this.leadsService.inquire(req.actor!, parsed.value);
    this.pages.redirect(res, `/portal/leads?lead=${r.id}`, 'inquired');
  }
}
