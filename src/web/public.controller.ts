import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../access/auth.guard.js';
import { Public } from '../access/decorators.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { LeadsService } from '../leads/leads.service.js';
import { NewsQueries } from '../news/news.queries.js';
import type { Match } from '../matching/match.entity.js';
import { MatchesService } from '../matching/matches.service.js';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { notFound } from '../platform/http/problem.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { EligibilityService } from '../policies/eligibility/eligibility.service.js';
import { evaluateEligibility } from '../policies/eligibility/evaluate.js';
import type { Incentive } from '../policies/incentive.entity.js';
import { PoliciesQueries } from '../policies/policies.queries.js';
import { PoliciesService } from '../policies/policies.service.js';
import { listPoliciesQuery } from '../policies/policy.schemas.js';
import { INCENTIVE_KINDS, incentiveKinds, POLICY_VALIDITY, policyValidity } from '../policies/policy.vocabulary.js';
import { listProjectsQuery } from '../projects/project.schemas.js';
import { PROJECT_STAGES, projectStages } from '../projects/project.vocabulary.js';
import { ProjectsService, withPublishedIncentives } from '../projects/projects.service.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { errorMap, field, fields, type FormBody } from './forms/form-input.js';
import { pickerModel, pickFrom } from './forms/tree-picker.js';
import { Pages } from './pages.js';
import { describeCondition, ELIGIBILITY_BADGE, ELIGIBILITY_LABELS } from './view/conditions.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { idOf, pageNo } from './page-params.js';

const PAGE_SIZE = 12;

/** The public site: home, 项目库, 政策库 and their detail pages. */
@ApiExcludeController()
@Controller()
@Public()
@UseFilters(WebExceptionFilter)
export class PublicPagesController {
  constructor(
    private readonly pages: Pages,
    private readonly projects: ProjectsService,
    private readonly policies: PoliciesService,
    private readonly news: NewsQueries,
    private readonly policyQueries: PoliciesQueries,
    private readonly enterprises: EnterprisesService,
    private readonly matches: MatchesService,
    private readonly eligibility: EligibilityService,
    private readonly clock: Clock,
    private readonly leads: LeadsService,
  ) {}

  @Get()
  async home(@Req() req: AuthedRequest, @Res() res: Response) {
    const [latestProjects, latestPolicies, projects, policies, enterprises, latestNews] = await Promise.all([
      this.projects.list(parseSafeOr(listProjectsQuery, { pageSize: '6' })),
      this.policies.list(parseSafeOr(listPoliciesQuery, { pageSize: '6' })),
      this.projects.publishedCount(),
      this.policyQueries.publishedCounts(),
      this.enterprises.count(),
      this.news.latest(6),
    ]);
    const counts = { projects, ...policies, enterprises };
    this.pages.send(
      req,
      res,
      'public/home',
      { projects: latestProjects.items, policies: latestPolicies.items, counts, news: latestNews },
      { title: '首页' },
    );
  }

  @Get('library/projects')
  async projectLibrary(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const region = pickFrom('regions', 'region', q);
    const industry = pickFrom('industries', 'industry', q);
    const filters = {
      q: field(q, 'q'),
      region,
      industry,
      stage: fields(q, 'stage').filter((s) => (projectStages as string[]).includes(s)),
      incentiveKind: fields(q, 'incentiveKind').filter((s) => (incentiveKinds as string[]).includes(s)),
      sort: field(q, 'sort') === 'investment' ? 'investment' : '',
    };
    const parsed = parseSafe(listProjectsQuery, {
      q: filters.q || undefined,
      region: region || undefined,
      industry: industry || undefined,
      stage: filters.stage.length ? filters.stage : undefined,
      incentiveKind: filters.incentiveKind.length ? filters.incentiveKind : undefined,
      sort: filters.sort || undefined,
      page: String(pageNo(q)),
      pageSize: String(PAGE_SIZE),
    });
    const result = parsed.ok ? await this.projects.list(parsed.value) : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    this.pages.send(
      req,
      res,
      'public/projects',
      {
        filters,
        result,
        regionPicker: pickerModel('regions', 'region', region, '所在地区'),
        industryPicker: pickerModel('industries', 'industry', industry, '所属行业'),
        stages: Object.entries(PROJECT_STAGES),
        incentiveKinds: Object.entries(INCENTIVE_KINDS),
        params: { q: filters.q, region, industry, stage: filters.stage, incentiveKind: filters.incentiveKind, sort: filters.sort },
      },
      { title: '项目库', errors: parsed.ok ? {} : errorMap(parsed.errors), status: 200 },
    );
  }

  @Get('library/projects/:id')
  async project(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    const p = withPublishedIncentives(await this.projects.get(id));
    if (p.status !== 'published') throw notFound('项目');
    const actor = req.actor;
    let match: Match | null = null;
    let yours: Array<{ incentive: Incentive; status: string; label: string; badge: string; reasons: string[] }> = [];
    if (actor?.role === 'enterprise' && actor.enterpriseId) {
      match = await this.matches.ownMatchWith(actor, id);
      const e = await this.enterprises.find(actor.enterpriseId);
      if (e && p.incentives?.length) {
        const evaluated = await this.eligibility.forProject(e, { ...p, incentiveIds: p.incentives.map((i) => i.id) });
        yours = evaluated.map(({ incentive, result: r }) => {
          const reasons = r.checks.filter((c) => c.status !== 'met').map((c) => c.reason);
          return { incentive, status: r.status, label: ELIGIBILITY_LABELS[r.status], badge: ELIGIBILITY_BADGE[r.status], reasons };
        });
      }
    }
    const lead = actor?.role === 'enterprise' && actor.enterpriseId ? await this.leads.ownLeadOn(actor, id) : null;
    const inquiryError = ['empty', 'bad'].includes(field(req.query as FormBody, 'inquiry')) ? field(req.query as FormBody, 'inquiry') : '';
    this.pages.send(req, res, 'public/project', { p, match, yours, lead, inquiryError }, { title: p.title });
  }

  @Get('library/policies')
  async policyLibrary(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const region = pickFrom('regions', 'region', q);
    const filters = {
      q: field(q, 'q'),
      region,
      incentiveKind: fields(q, 'incentiveKind').filter((s) => (incentiveKinds as string[]).includes(s)),
      gwa: field(q, 'gwa') === '1',
      current: field(q, 'current') === '1',
      expired: field(q, 'expired') === '1',
    };
    const parsed = parseSafe(listPoliciesQuery, {
      q: filters.q || undefined,
      appliesTo: region || undefined,
      incentiveKind: filters.incentiveKind.length ? filters.incentiveKind : undefined,
      grantedWithoutApplication: filters.gwa ? 'true' : undefined,
      validOn: filters.current ? shanghaiDate(this.clock.now()) : undefined,
      includeExpired: filters.expired ? 'true' : undefined,
      page: String(pageNo(q)),
      pageSize: String(PAGE_SIZE),
    });
    const result = parsed.ok ? await this.policies.list(parsed.value) : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    this.pages.send(
      req,
      res,
      'public/policies',
      {
        filters,
        result,
        regionPicker: pickerModel('regions', 'region', region, '适用地区（含上级地区发布的政策）'),
        incentiveKinds: Object.entries(INCENTIVE_KINDS),
        today: shanghaiDate(this.clock.now()),
        params: {
          q: filters.q,
          region,
          incentiveKind: filters.incentiveKind,
          gwa: filters.gwa ? '1' : '',
          current: filters.current ? '1' : '',
          expired: filters.expired ? '1' : '',
        },
      },
      { title: '政策库', errors: parsed.ok ? {} : errorMap(parsed.errors, { appliesTo: 'region' }), status: 200 },
    );
  }

  @Get('library/policies/:id')
  async policy(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '政策');
    const p = await this.policies.get(id);
    if (p.status !== 'published') throw notFound('政策');
    const today = shanghaiDate(this.clock.now());
    const actor = req.actor;
    const results = new Map<number, { status: string; label: string; badge: string; checks: Array<{ status: string; reason: string }> }>();
    if (actor?.role === 'enterprise' && actor.enterpriseId) {
      const e = await this.enterprises.find(actor.enterpriseId);
      if (e) {
        for (const i of p.incentives ?? []) {
          const r = evaluateEligibility(
            e,
            { conditions: i.conditions, policy: p },
            { regions: regions(), industries: industries(), today },
          );
          if (policyValidity(p, today) === 'expired')
            results.set(i.id, { status: 'expired', label: POLICY_VALIDITY.expired, badge: 'badge-grey', checks: r.checks });
          else
            results.set(i.id, {
              status: r.status,
              label: ELIGIBILITY_LABELS[r.status],
              badge: ELIGIBILITY_BADGE[r.status],
              checks: r.checks,
            });
        }
      }
    }
    const incentives = (p.incentives ?? [])
      .sort((a, b) => a.id - b.id)
      .map((i) => ({ i, conditions: i.conditions.map(describeCondition), yours: results.get(i.id) ?? null }));
    const validity = policyValidity(p, today);
    const inquiryError = ['empty', 'bad'].includes(field(req.query as FormBody, 'inquiry')) ? field(req.query as FormBody, 'inquiry') : '';
    this.pages.send(
      req,
      res,
      'public/policy',
      { p, incentives, inForce: validity === 'in_force', validity, validityLabel: POLICY_VALIDITY[validity], inquiryError },
      { title: p.title },
    );
  }
}

/** Parses a fixed, known-good query (internal use: the home page's "latest" lists). */
function parseSafeOr<S extends typeof listProjectsQuery | typeof listPoliciesQuery>(schema: S, input: Record<string, string>) {
  const r = parseSafe(schema, input);
  if (!r.ok) throw new Error(`bad internal query: ${JSON.stringify(r.errors)}`);
  return r.value as never;
}
