import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { staffScope } from '../../access/access-policy.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { IntakeService } from '../../intake/intake.service.js';
import { MATCH_ORDER_SQL, MatchesService } from '../../matching/matches.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import {
  changeStageSchema,
  createProjectSchema,
  listProjectsQuery,
  PROJECT_ORDER_SQL,
  updateProjectSchema,
} from '../../projects/project.schemas.js';
import { PROJECT_STAGES, projectStages, stageChangeProblem, type ProjectStage } from '../../projects/project.vocabulary.js';
import { ProjectsService } from '../../projects/projects.service.js';
import { PoliciesQueries } from '../../policies/policies.queries.js';
import { errorMap, field, fields, formAndSchemaErrors, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import {
  emptyProjectForm,
  PROJECT_REQUIRED,
  projectFieldFor,
  projectFormValues,
  projectFormView,
  readProjectForm,
  type ProjectFormValues,
} from '../forms/project-form.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { ChainsService } from '../../chains/chains.service.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { problemErrors } from '../forms/form-input.js';

/** Stages a project may move to from `from` (forward, or closed). */
export const nextStages = (from: ProjectStage) => projectStages.filter((s) => !stageChangeProblem(from, s));

/** Console: the bureau's projects — list, create, edit, publish, stage changes, and their matches. */
@ApiExcludeController()
@Controller('console/projects')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleProjectsController {
  constructor(
    private readonly pages: Pages,
    private readonly projects: ProjectsService,
    private readonly policies: PoliciesQueries,
    private readonly matches: MatchesService,
    private readonly clock: Clock,
    private readonly intake: IntakeService,
    private readonly chains: ChainsService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const actor = req.actor!;
    const scope = staffScope(actor);
    const chosen = pickFrom('regions', 'region', q);
    // officers look inside their region; a region outside it simply finds nothing of theirs
    const region = chosen || scope || '';
    const stage = fields(q, 'stage').filter((s) => (projectStages as string[]).includes(s));
    const state = listState(q, { orders: Object.keys(PROJECT_ORDER_SQL) });
    const parsed = parseSafe(listProjectsQuery, {
      q: field(q, 'q') || undefined,
      region: region || undefined,
      stage: stage.length ? stage : undefined,
      includeDrafts: 'true',
      ...listQuery(state),
    });
    const result = parsed.ok ? await this.projects.browse(actor, parsed.value) : { items: [], total: 0, page: 1, pageSize: state.pageSize };
    this.pages.send(
      req,
      res,
      'console/projects',
      {
        result,
        listState: state,
        filters: { q: field(q, 'q'), stage },
        regionPicker: pickerModel('regions', 'region', chosen || scope, '地区'),
        stages: Object.entries(PROJECT_STAGES),
        params: { q: field(q, 'q'), region: chosen, stage },
      },
      { title: '项目管理', errors: parsed.ok ? {} : errorMap(parsed.errors), status: 200 },
    );
  }

  @Get('new')
  async newForm(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.renderForm(req, res, emptyProjectForm(staffScope(req.actor!) ?? ''), {}, null);
  }

  @Post('new')
  async create(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const form = readProjectForm(body, { action, create: true });
    if (action !== 'save') return this.renderForm(req, res, form.values, {}, null, 200);
    const parsed = parseSafe(createProjectSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, projectFieldFor));
    if (!parsed.ok || Object.keys(errors).length) return this.renderForm(req, res, form.values, errors, null);
    try {
      const p = await this.projects.draft(req.actor!, parsed.value);
      this.pages.redirect(res, `/console/projects/${p.id}`, 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.renderForm(req, res, form.values, problemErrors(err, projectFieldFor), null, err.status);
      throw err;
    }
  }

  @Get(':id')
  async detail(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    await this.detailPage(req, res, id, {});
  }

  private async detailPage(req: AuthedRequest, res: Response, id: number, errors: ErrorMap, status?: number) {
    const actor = req.actor!;
    const p = await this.projects.read(actor, id);
    const write = await this.projects.mayEdit(actor, id);
    const q = req.query as FormBody;
    const state = listState(q, { orders: Object.keys(MATCH_ORDER_SQL) });
    const matches = write
      ? await this.matches.forProject(actor, id, { page: state.page, pageSize: state.pageSize, order: state.order || undefined })
      : null;
    const source = await this.intake.sourceOf(actor, 'project', id);
    this.pages.send(
      req,
      res,
      'console/project',
      {
        p,
        write,
        matches,
        source,
        listState: state,
        nextStages: nextStages(p.stage).map((s) => [s, PROJECT_STAGES[s]]),
        today: shanghaiDate(this.clock.now()),
        stageForm: {
          stage: field(req.body as FormBody, 'stage'),
          at: field(req.body as FormBody, 'at'),
          note: field(req.body as FormBody, 'note'),
        },
      },
      { title: p.title, errors, status },
    );
  }

  @Get(':id/edit')
  async editForm(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    await this.renderForm(req, res, projectFormValues(await this.projects.forEdit(req.actor!, id)), {}, id);
  }

  @Post(':id/edit')
  async update(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    const current = await this.projects.forEdit(req.actor!, id);
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const form = readProjectForm(body, { action, create: false });
    form.values.code = current.code;
    if (action !== 'save') return this.renderForm(req, res, form.values, {}, id, 200);
    const parsed = parseSafe(updateProjectSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, projectFieldFor));
    if (!parsed.ok || Object.keys(errors).length) return this.renderForm(req, res, form.values, errors, id);
    try {
      await this.projects.edit(req.actor!, id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404)
        return this.renderForm(req, res, form.values, problemErrors(err, projectFieldFor), id, err.status);
      throw err;
    }
    this.pages.redirect(res, `/console/projects/${id}`, 'saved');
  }

  @Post(':id/publish')
  async publish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    await this.projects.publish(req.actor!, id);
    this.pages.redirect(res, `/console/projects/${id}`, 'published');
  }

  @Post(':id/unpublish')
  async unpublish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    await this.projects.unpublish(req.actor!, id);
    this.pages.redirect(res, `/console/projects/${id}`, 'unpublished');
  }

  @Post(':id/stage')
  async stage(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '项目');
    const body = req.body as FormBody;
    const parsed = parseSafe(changeStageSchema, {
      stage: field(body, 'stage'),
      ...(field(body, 'at') ? { at: field(body, 'at') } : {}),
      note: field(body, 'note'),
    });
    if (!parsed.ok) return this.detailPage(req, res, id, withRequiredMessages(errorMap(parsed.errors), { stage: '请选择新的阶段' }), 400);
    try {
      await this.projects.advanceStage(req.actor!, id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404 && err.status !== 403)
        return this.detailPage(
          req,
          res,
          id,
          problemErrors(err, (f) => f),
          err.status,
        );
      throw err;
    }
    this.pages.redirect(res, `/console/projects/${id}`, 'stage');
  }

  private async renderForm(
    req: AuthedRequest,
    res: Response,
    values: ProjectFormValues,
    errors: ErrorMap,
    id: number | null,
    status?: number,
  ) {
    const choices = await this.policies.incentiveChoices(req.actor!, values.incentiveIds.map(Number).filter(Number.isInteger));
    const chainChoices = await this.chains.segmentChoices(req.actor!);
    this.pages.send(
      req,
      res,
      'console/project-form',
      {
        form: projectFormView(values),
        id,
        choices,
        chainChoices,
        createStages: [
          ['planning', PROJECT_STAGES.planning],
          ['open', PROJECT_STAGES.open],
        ],
      },
      { title: id ? '编辑项目' : '新建项目', errors: withRequiredMessages(errors, PROJECT_REQUIRED), status },
    );
  }
}
