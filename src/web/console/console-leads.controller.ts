import { AgreementsService } from '../../agreements/agreements.service.js';
import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { staffScope } from '../../access/access-policy.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { activityView, leadListItem, leadView } from '../../leads/lead.view.js';
import { LeadsQueries } from '../../leads/leads.queries.js';
import { LeadsService } from '../../leads/leads.service.js';
import {
  addActivitySchema,
  assignLeadSchema,
  changeLeadStageSchema,
  createLeadSchema,
  leadOrders,
  listLeadsQuery,
  reopenLeadSchema,
  updateLeadSchema,
} from '../../leads/lead.schemas.js';
import { EnterprisesService } from '../../enterprises/enterprises.service.js';
import { ProjectsService } from '../../projects/projects.service.js';
import { listProjectsQuery } from '../../projects/project.schemas.js';
import {
  isMilestone,
  LEAD_SOURCES,
  LEAD_STAGES,
  leadSources,
  PIPELINE,
  PRE_SIGNING,
  reopenProblem,
  STAFF_LEAD_SOURCES,
  stageChangeProblem,
  WORK_ACTIVITY_KINDS,
  type LeadStage,
} from '../../leads/lead.vocabulary.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, integer, safeNext, wanToYuan, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

export const BOARD_STAGES: LeadStage[] = [...PIPELINE, 'lost'];

/** Stages a lead may move to next (the pipeline's own rule). */
export const nextLeadStages = (from: LeadStage) => BOARD_STAGES.filter((s) => !stageChangeProblem(from, s));

type LeadForm = 'stage' | 'activity' | 'assign' | 'update' | 'reopen';

/** Field names on the lead page (several forms share one page, so each form's fields are prefixed). */
const FIELDS: Record<LeadForm, Record<string, string>> = {
  stage: { stage: 'stage', at: 'stageAt', amountYuan: 'amountWan', lostReason: 'lostReason', note: 'stageNote', increaseOf: 'stage' },
  activity: { kind: 'kind', summary: 'summary', at: 'activityAt', nextFollowUpOn: 'activityFollowUp' },
  assign: { ownerId: 'ownerId', note: 'assignNote' },
  update: { nextFollowUpOn: 'nextFollowUpOn', expectedInvestmentYuan: 'expectedWan' },
  reopen: { stage: 'reopenStage', reason: 'reopenReason' },
};
const fieldOf = (form: LeadForm) => (f: string) => FIELDS[form][f] ?? (f === '(body)' ? `_${form}` : f);

/** Console: the leads board by stage with filters, a lead's page (timeline, activities, stage moves, assignment). */
@ApiExcludeController()
@Controller('console/leads')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleLeadsController {
  constructor(
    private readonly pages: Pages,
    private readonly leads: LeadsService,
    private readonly queries: LeadsQueries,
    private readonly clock: Clock,
    private readonly agreements: AgreementsService,
    private readonly enterprises: EnterprisesService,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  async board(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const region = pickFrom('regions', 'region', q);
    // me, unassigned, or one officer (本局管理's workload links here)
    const owner = ['me', 'none'].includes(field(q, 'owner')) || /^\d{1,9}$/.test(field(q, 'owner')) ? field(q, 'owner') : '';
    const source = (leadSources as string[]).includes(field(q, 'source')) ? field(q, 'source') : '';
    const filters = {
      q: field(q, 'q'),
      owner,
      source,
      followUpDue: field(q, 'followUpDue') === '1',
      overdue: field(q, 'overdue') === '1',
      dueToday: field(q, 'dueToday') === '1',
    };
    const enterpriseId = /^\d{1,9}$/.test(field(q, 'enterpriseId')) ? field(q, 'enterpriseId') : '';
    const base = {
      ...(enterpriseId ? { enterpriseId } : {}),
      ...(filters.q ? { q: filters.q } : {}),
      ...(region ? { region } : {}),
      ...(owner ? { owner } : {}),
      ...(source ? { source } : {}),
      ...(filters.followUpDue ? { followUpDue: 'true' } : {}),
      ...(filters.overdue ? { overdue: 'true' } : {}),
      ...(filters.dueToday ? { dueToday: 'true' } : {}),
    };
    const view = field(q, 'view') === 'list' ? 'list' : 'board';
    const stage = (BOARD_STAGES as string[]).includes(field(q, 'stage')) ? field(q, 'stage') : '';
    const params = {
      ...filters,
      followUpDue: filters.followUpDue ? '1' : '',
      overdue: filters.overdue ? '1' : '',
      dueToday: filters.dueToday ? '1' : '',
      region,
      enterpriseId,
    };
    let errors: ErrorMap = {};
    const columns = [];
    let list = null;
    if (view === 'list') {
      // the list view: one table over every stage (or one), sortable by column, paged by number
      const state = listState(q, { orders: leadOrders, pageSize: 30 });
      const parsed = parseSafe(listLeadsQuery, { ...base, ...(stage ? { stage } : {}), ...listQuery(state) });
      if (!parsed.ok) errors = errorMap(parsed.errors);
      else {
        const page = await this.leads.list(req.actor!, parsed.value);
        list = { ...page, items: page.items.map(leadListItem), state };
      }
    } else {
      for (const s of BOARD_STAGES) {
        const parsed = parseSafe(listLeadsQuery, { ...base, stage: s, pageSize: '30' });
        if (!parsed.ok) {
          errors = errorMap(parsed.errors);
          break;
        }
        const page = await this.leads.list(req.actor!, parsed.value);
        columns.push({ stage: s, label: LEAD_STAGES[s], total: page.total, exact: page.totalExact, items: page.items.map(leadListItem) });
      }
    }
    const filtered = Object.values(params).some((v) => v !== '');
    this.pages.send(
      req,
      res,
      'console/leads',
      {
        view,
        stage,
        columns,
        list,
        filters,
        filtered,
        regionPicker: pickerModel('regions', 'region', region || staffScope(req.actor!), '地区'),
        sources: Object.entries(LEAD_SOURCES),
        stages: BOARD_STAGES.map((s) => [s, LEAD_STAGES[s]]),
        params,
        today: shanghaiDate(this.clock.now()),
      },
      { title: '线索', errors, status: 200 },
    );
  }

  /** 新建线索: a plain form, prefilled from wherever the officer came (an enterprise, a project, a match, an incentive). */
  @Get('new')
  async newLead(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.newLeadForm(req, res, req.query as FormBody, {});
  }

  /**
   * Creates the lead (the API's schema and method). `_quick`: the one-click buttons on the lists
   * (a match, an enterprise found by 政策找企业) — on a refusal they fall back to the form.
   */
  @Post('new')
  async createLead(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const num = (name: string) => {
      const v = integer(field(b, name));
      return v.ok && v.value != null ? v.value : undefined;
    };
    const pre: ErrorMap = {};
    let enterpriseId = num('enterpriseId');
    const uscc = field(b, 'uscc').toUpperCase();
    if (enterpriseId === undefined && num('matchId') === undefined) {
      const found = uscc ? await this.enterprises.findByUscc(uscc) : null;
      if (found) enterpriseId = found.id;
      else pre.uscc = [uscc ? '没有该统一社会信用代码的企业' : '请填写企业的统一社会信用代码'];
    }
    const region = pickFrom('regions', 'region', b);
    const expected = wanToYuan(field(b, 'expectedWan'));
    if (!expected.ok) pre.expectedWan = [expected.message];
    const owner = field(b, 'ownerId') === 'me' ? req.actor!.userId : num('ownerId');
    const source = (STAFF_LEAD_SOURCES as readonly string[]).includes(field(b, 'source')) ? field(b, 'source') : undefined;
    const input = {
      ...(num('matchId') !== undefined ? { matchId: num('matchId') } : { enterpriseId }),
      ...(num('matchId') === undefined && num('projectId') !== undefined ? { projectId: num('projectId') } : {}),
      ...(num('matchId') === undefined && num('projectId') === undefined && region ? { regionCode: region } : {}),
      ...(num('matchId') === undefined && num('incentiveId') !== undefined ? { incentiveId: num('incentiveId') } : {}),
      ...(source && source !== 'match' && num('matchId') === undefined ? { source } : {}),
      ...(owner !== undefined ? { ownerId: owner } : {}),
      ...(expected.ok && expected.value != null ? { expectedInvestmentYuan: expected.value } : {}),
      ...(field(b, 'nextFollowUpOn') ? { nextFollowUpOn: field(b, 'nextFollowUpOn') } : {}),
      ...(field(b, 'note') ? { note: field(b, 'note') } : {}),
    };
    const fieldFor = (f: string) => ({ expectedInvestmentYuan: 'expectedWan', regionCode: 'region', enterpriseId: 'uscc' })[f] ?? f;
    const parsed = parseSafe(createLeadSchema, input);
    if (!parsed.ok || Object.keys(pre).length) {
      const errors = { ...(parsed.ok ? {} : errorMap(parsed.errors, fieldFor)), ...pre };
      if (errors.expectedWan) errors.expectedWan = errors.expectedWan.map((m) => m.replace('（元）', '（万元）'));
      return this.newLeadForm(req, res, b, errors, 400);
    }
    let created;
    try {
      created = await this.leads.create(req.actor!, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404) {
        return this.newLeadForm(req, res, b, err.errors?.length ? errorMap(err.errors, fieldFor) : { _form: [err.message] }, err.status);
      }
      throw err;
    }
    this.pages.redirect(res, `/console/leads/${created.id}`, created.created ? 'leadCreated' : 'leadExists');
  }

  private async newLeadForm(req: AuthedRequest, res: Response, v: FormBody, errors: ErrorMap, status?: number) {
    const actor = req.actor!;
    const num = (name: string) => {
      const x = integer(field(v, name));
      return x.ok && x.value != null ? x.value : null;
    };
    const enterpriseId = num('enterpriseId');
    // only an enterprise the officer may see is named (else the form asks for its USCC)
    const enterprise = enterpriseId
      ? await this.enterprises.read(actor, enterpriseId).then(
          (r) => r.enterprise,
          (err: unknown) => {
            if (err instanceof ProblemException && err.status === 404) return null;
            throw err;
          },
        )
      : null;
    const projectsQuery = parseSafe(listProjectsQuery, {
      ...(staffScope(actor) ? { region: staffScope(actor)! } : {}),
      includeDrafts: 'true',
      pageSize: '100',
    });
    const projectChoices = projectsQuery.ok
      ? (await this.projects.browse(actor, projectsQuery.value)).items.map((p) => ({ id: p.id, title: p.title, code: p.code }))
      : [];
    const mayAssign = actor.role === 'admin' || actor.role === 'bureau_lead';
    const owners = mayAssign ? await this.queries.ownerChoices(actor, staffScope(actor) ?? enterprise?.homeRegionCode ?? '410000') : [];
    const incentiveId = num('incentiveId');
    const matchId = num('matchId');
    const source = matchId
      ? 'match'
      : incentiveId
        ? 'policy'
        : (STAFF_LEAD_SOURCES as readonly string[]).includes(field(v, 'source'))
          ? field(v, 'source')
          : 'manual';
    this.pages.send(
      req,
      res,
      'console/lead-new',
      {
        enterprise: enterprise ? { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc } : null,
        values: {
          uscc: field(v, 'uscc'),
          projectId: field(v, 'projectId'),
          matchId: matchId ?? '',
          incentiveId: incentiveId ?? '',
          ownerId: field(v, 'ownerId'),
          expectedWan: field(v, 'expectedWan'),
          nextFollowUpOn: field(v, 'nextFollowUpOn'),
          note: field(v, 'note'),
          source,
        },
        sources: STAFF_LEAD_SOURCES.filter((s) => s !== 'match').map((s) => [s, LEAD_SOURCES[s]]),
        sourceLabel: LEAD_SOURCES[source as keyof typeof LEAD_SOURCES],
        projectChoices,
        regionPicker: pickerModel('regions', 'region', pickFrom('regions', 'region', v) || '', '意向投资地区（无具体项目时）'),
        mayAssign,
        owners,
        today: shanghaiDate(this.clock.now()),
        back: safeNext(field(v, 'back'), enterprise ? `/console/enterprises/${enterprise.id}` : '/console/leads'),
      },
      { title: '新建线索', errors, status },
    );
  }

  @Get(':id')
  async lead(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.leadPage(req, res, idOf(req.params.id as string, '线索'), null, {});
  }

  private async leadPage(req: AuthedRequest, res: Response, id: number, form: LeadForm | null, errors: ErrorMap, status?: number) {
    const actor = req.actor!;
    const found = await this.leads.get(actor, id);
    const lead = { ...leadView(found.lead), timeline: found.activities.map(activityView) };
    const mayAssign = actor.role === 'admin' || actor.role === 'bureau_lead';
    const owners = mayAssign ? await this.queries.ownerChoices(actor, lead.region.code) : [];
    const body = (form ? req.body : {}) as FormBody;
    // the enterprise's contacts: a lead in the bureau's region is reason enough to see them (the access rule)
    const { enterprise, contacts } = await this.enterprises.read(actor, lead.enterprise.id);
    this.pages.send(
      req,
      res,
      'console/lead',
      {
        lead,
        contacts: contacts ? enterprise.contacts : null,
        agreementId: await this.agreements.idOfLead(req.actor!, lead.id),
        next: nextLeadStages(lead.stage).map((s) => ({ stage: s, label: LEAD_STAGES[s], milestone: isMilestone(s) })),
        reopenStages:
          lead.stage === 'lost'
            ? PRE_SIGNING.filter((s) => !reopenProblem('lost', lead.lost?.fromStage ?? null, s)).map((s) => [s, LEAD_STAGES[s]])
            : [],
        kinds: Object.entries(WORK_ACTIVITY_KINDS),
        mayAssign,
        owners,
        today: shanghaiDate(this.clock.now()),
        form,
        posted: (name: string) => field(body, name),
      },
      { title: `线索：${lead.enterprise.name}`, errors, status },
    );
  }

  /** Runs one of the lead page's forms: parse with the API schema, call the API's method, or show the page again with the errors. */
  private async submit(
    req: AuthedRequest,
    res: Response,
    form: LeadForm,
    input: Record<string, unknown>,
    preErrors: ErrorMap,
    call: (id: number, value: never) => Promise<unknown>,
    done: 'stage' | 'activity' | 'assigned' | 'saved',
  ) {
    const id = idOf(req.params.id as string, '线索');
    const schema = {
      stage: changeLeadStageSchema,
      activity: addActivitySchema,
      assign: assignLeadSchema,
      update: updateLeadSchema,
      reopen: reopenLeadSchema,
    }[form];
    const parsed = parseSafe(schema, input);
    const required = {
      stage: '请选择新的阶段',
      amountWan: '请填写金额',
      lostReason: '请填写流失原因',
      kind: '请选择类型',
      summary: '请填写跟进内容',
      ownerId: '请选择负责人',
      reopenReason: '请填写重新打开的原因',
    };
    if (!parsed.ok || Object.keys(preErrors).length) {
      const errors = { ...(parsed.ok ? {} : errorMap(parsed.errors, fieldOf(form))), ...preErrors };
      // the API speaks of yuan; the page's amount inputs are in 万元
      for (const k of ['amountWan', 'expectedWan']) if (errors[k]) errors[k] = errors[k].map((m) => m.replace('（元）', '（万元）'));
      return this.leadPage(req, res, id, form, withRequiredMessages(errors, required), 400);
    }
    try {
      await call(id, parsed.value as never);
    } catch (err) {
      // refusals (403/404) are pages of their own; rule violations (400/409) go back to the form
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404 && err.status !== 403) {
        const errors = err.errors?.length ? errorMap(err.errors, fieldOf(form)) : { [`_${form}`]: [err.message] };
        return this.leadPage(req, res, id, form, errors, err.status);
      }
      throw err;
    }
    this.pages.redirect(res, `/console/leads/${id}`, done === 'stage' ? 'stage' : done === 'activity' ? 'activity' : done);
  }

  @Post(':id/stage')
  async stage(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const amount = wanToYuan(field(b, 'amountWan'));
    const input = {
      stage: field(b, 'stage') || undefined,
      ...(field(b, 'stageAt') ? { at: field(b, 'stageAt') } : {}),
      ...(amount.ok && amount.value != null ? { amountYuan: amount.value } : {}),
      ...(field(b, 'lostReason') ? { lostReason: field(b, 'lostReason') } : {}),
      note: field(b, 'stageNote'),
    };
    await this.submit(
      req,
      res,
      'stage',
      input,
      amount.ok ? {} : { amountWan: [amount.message] },
      (id, v) => this.leads.changeStage(req.actor!, id, v),
      'stage',
    );
  }

  @Post(':id/activities')
  async activity(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const input = {
      kind: field(b, 'kind') || undefined,
      summary: field(b, 'summary'),
      ...(field(b, 'activityAt') ? { at: field(b, 'activityAt') } : {}),
      ...(field(b, 'activityFollowUp') ? { nextFollowUpOn: field(b, 'activityFollowUp') } : {}),
    };
    await this.submit(req, res, 'activity', input, {}, (id, v) => this.leads.addActivity(req.actor!, id, v), 'activity');
  }

  @Post(':id/assign')
  async assign(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const owner = integer(field(b, 'ownerId'));
    const input = { ...(owner.ok && owner.value != null ? { ownerId: owner.value } : {}), note: field(b, 'assignNote') };
    await this.submit(req, res, 'assign', input, {}, (id, v) => this.leads.assign(req.actor!, id, v), 'assigned');
  }

  @Post(':id/update')
  async update(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const expected = wanToYuan(field(b, 'expectedWan'));
    const input = {
      nextFollowUpOn: field(b, 'nextFollowUpOn') || null,
      ...(expected.ok ? { expectedInvestmentYuan: expected.value } : {}),
    };
    await this.submit(
      req,
      res,
      'update',
      input,
      expected.ok ? {} : { expectedWan: [expected.message] },
      (id, v) => this.leads.updateLead(req.actor!, id, v),
      'saved',
    );
  }

  @Post(':id/reopen')
  async reopen(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const input = { ...(field(b, 'reopenStage') ? { stage: field(b, 'reopenStage') } : {}), reason: field(b, 'reopenReason') };
    await this.submit(req, res, 'reopen', input, {}, (id, v) => this.leads.reopen(req.actor!, id, v), 'stage');
  }
}
