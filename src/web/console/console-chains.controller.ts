import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { CHAIN_TEMPLATES, SEGMENT_TIERS } from '../../chains/chain-templates.js';
import { SEGMENT_STATUSES } from '../../chains/chain.vocabulary.js';
import { chainFiguresView, chainMapView } from '../../chains/chain.view.js';
import { chainLeadSchema, createChainSchema, updateChainSchema } from '../../chains/chains.schemas.js';
import { staffScope } from '../../access/access-policy.js';
import { ChainsService } from '../../chains/chains.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { regions } from '../../reference/regions.js';
import {
  CHAIN_REQUIRED,
  chainFieldFor,
  chainFormValues,
  chainFormView,
  emptyChainForm,
  readChainForm,
  type ChainFormValues,
} from '../forms/chain-form.js';
import { errorMap, field, formAndSchemaErrors, withRequiredMessages, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { problemErrors } from '../forms/form-input.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const BOX_W = 120;
const BOX_GAP = 36;
const BOX_H = 64;
const STATUS_COLOURS = { strong: '#2e7d32', weak: '#f9a825', gap: '#c62828' } as const;

/** Boxes left to right, one per segment, with the arrow gaps between them (coordinates only; the view draws). */
export function chainDiagram(
  segments: Array<{ id: number; name: string; status: keyof typeof STATUS_COLOURS; anchorEnterpriseIds: number[] }>,
) {
  const boxes = segments.map((s, i) => ({
    ...s,
    x: 10 + i * (BOX_W + BOX_GAP),
    y: 20,
    w: BOX_W,
    h: BOX_H,
    colour: STATUS_COLOURS[s.status],
    label: SEGMENT_STATUSES[s.status],
    anchored: s.anchorEnterpriseIds.length > 0,
  }));
  return { boxes, width: 20 + segments.length * (BOX_W + BOX_GAP) - BOX_GAP, height: BOX_H + 50 };
}

/** Console: the region's chains, a chain's map (SVG + numbers) and its targets, a target turned into a lead. */
@ApiExcludeController()
@Controller('console/chains')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleChainsController {
  constructor(
    private readonly pages: Pages,
    private readonly chains: ChainsService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const state = listState(q);
    const result = await this.chains.list(req.actor!, { page: state.page, pageSize: state.pageSize });
    const items = result.items.map((c) => ({ ...c, regionName: regions().fullName(c.regionCode) }));
    this.pages.send(
      req,
      res,
      'console/chains',
      { result: { ...result, items, page: state.page, pageSize: state.pageSize }, listState: state },
      { title: '产业链招商' },
    );
  }

  @Get('new')
  async newForm(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.renderForm(req, res, emptyChainForm(staffScope(req.actor!) ?? ''), {}, null);
  }

  @Post('new')
  async create(@Req() req: AuthedRequest, @Res() res: Response) {
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const form = readChainForm(body, { action, create: true });
    if (action !== 'save') return this.renderForm(req, res, form.values, form.errors, null, 200);
    const parsed = parseSafe(createChainSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, chainFieldFor));
    if (!parsed.ok || Object.keys(errors).length) return this.renderForm(req, res, form.values, errors, null);
    try {
      const { id } = await this.chains.create(req.actor!, parsed.value);
      this.pages.redirect(res, `/console/chains/${id}`, 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.renderForm(req, res, form.values, problemErrors(err, chainFieldFor), null, err.status);
      throw err;
    }
  }

  @Get(':id/edit')
  async editForm(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '产业链');
    await this.renderForm(req, res, chainFormValues(await this.chains.read(req.actor!, id)), {}, id);
  }

  @Post(':id/edit')
  async update(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '产业链');
    const current = await this.chains.read(req.actor!, id);
    const body = req.body as FormBody;
    const action = field(body, '_action') || 'save';
    const form = readChainForm(body, { action, create: false });
    form.values.regionCode = current.chain.regionCode;
    form.values.templateKey = current.chain.templateKey ?? '';
    if (action !== 'save') return this.renderForm(req, res, form.values, form.errors, id, 200);
    const parsed = parseSafe(updateChainSchema, form.input);
    const errors = formAndSchemaErrors(form.errors, parsed.ok ? {} : errorMap(parsed.errors, chainFieldFor));
    if (!parsed.ok || Object.keys(errors).length) return this.renderForm(req, res, form.values, errors, id);
    try {
      await this.chains.update(req.actor!, id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404)
        return this.renderForm(req, res, form.values, problemErrors(err, chainFieldFor), id, err.status);
      throw err;
    }
    this.pages.redirect(res, `/console/chains/${id}`, 'saved');
  }

  @Get(':id')
  async show(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '产业链');
    const q = req.query as FormBody;
    const map = chainMapView(await this.chains.map(req.actor!, id));
    const segmentId = Number(field(q, 'segment')) || undefined;
    const known = segmentId && map.segments.some((s) => s.id === segmentId) ? segmentId : undefined;
    const state = listState(q);
    const targets = await this.chains.targets(req.actor!, id, { page: state.page, pageSize: state.pageSize, segmentId: known });
    const detail = await this.chains.read(req.actor!, id);
    const figures = chainFiguresView(await this.chains.figures(req.actor!, id, {}));
    this.pages.send(
      req,
      res,
      'console/chain',
      {
        map,
        detail,
        figures,
        diagram: chainDiagram(map.segments),
        tiers: SEGMENT_TIERS,
        statuses: SEGMENT_STATUSES,
        targets: { ...targets, page: state.page, pageSize: state.pageSize },
        listState: state,
        segmentId: known ?? '',
        params: { segment: known ? String(known) : '' },
      },
      { title: map.name },
    );
  }

  private async renderForm(
    req: AuthedRequest,
    res: Response,
    values: ChainFormValues,
    errors: ErrorMap,
    id: number | null,
    status?: number,
  ) {
    const actor = req.actor!;
    const region = values.regionCode;
    const [leaders, anchors, found] = await Promise.all([
      region ? this.chains.leaderChoices(actor, region) : [],
      this.chains.enterpriseNames(values.anchorEnterpriseIds.map(Number).filter((n) => Number.isInteger(n) && n > 0)),
      region ? this.chains.anchorChoices(actor, region, values.anchorQuery) : [],
    ]);
    this.pages.send(
      req,
      res,
      'console/chain-form',
      {
        form: chainFormView(values),
        id,
        templates: CHAIN_TEMPLATES.map((t) => ({ key: t.key, name: t.name, segments: t.segments.length })),
        tiers: Object.entries(SEGMENT_TIERS),
        leaders,
        anchors,
        found: found.filter((e) => !values.anchorEnterpriseIds.includes(String(e.id))),
        regionName: region ? regions().fullName(region) : '',
      },
      { title: id ? '编辑产业链' : '新建产业链', errors: withRequiredMessages(errors, CHAIN_REQUIRED), status },
    );
  }

  @Post(':id/leads')
  async createLead(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '产业链');
    const b = req.body as FormBody;
    const parsed = parseSafe(chainLeadSchema, {
      enterpriseId: Number(field(b, 'enterpriseId')),
      ...(field(b, 'segmentId') ? { segmentId: Number(field(b, 'segmentId')) } : {}),
    });
    if (!parsed.ok) throw new ProblemException(400, 'validation-failed', '请选择一个招商目标');
    const lead = await this.chains.createLead(req.actor!, id, parsed.value);
    this.pages.redirect(res, `/console/leads/${lead.id}`, 'created');
  }
}
