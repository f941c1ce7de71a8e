import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { SEGMENT_TIERS } from '../../chains/chain-templates.js';
import { SEGMENT_STATUSES } from '../../chains/chain.vocabulary.js';
import { chainMapView } from '../../chains/chain.view.js';
import { chainLeadSchema } from '../../chains/chains.schemas.js';
import { ChainsService } from '../../chains/chains.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { regions } from '../../reference/regions.js';
import { field, type FormBody } from '../forms/form-input.js';
import { Pages } from '../pages.js';
import { idOf, pageNo } from '../public.controller.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const BOX_W = 120;
const BOX_GAP = 36;
const BOX_H = 64;
const STATUS_COLOURS = { strong: '#2e7d32', weak: '#f9a825', gap: '#c62828' } as const;

/** Boxes left to right, one per segment, with the arrow gaps between them (coordinates only; the view draws). */
export function chainDiagram(segments: Array<{ id: number; name: string; status: keyof typeof STATUS_COLOURS; anchorEnterpriseIds: number[] }>) {
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
    const result = await this.chains.list(req.actor!, { page: pageNo(q), pageSize: 20 });
    const items = result.items.map((c) => ({ ...c, regionName: regions().fullName(c.regionCode) }));
    this.pages.send(req, res, 'console/chains', { result: { ...result, items, page: pageNo(q), pageSize: 20 } }, { title: '产业链招商' });
  }

  @Get(':id')
  async show(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '产业链');
    const q = req.query as FormBody;
    const map = chainMapView(await this.chains.map(req.actor!, id));
    const segmentId = Number(field(q, 'segment')) || undefined;
    const known = segmentId && map.segments.some((s) => s.id === segmentId) ? segmentId : undefined;
    const targets = await this.chains.targets(req.actor!, id, { page: pageNo(q), pageSize: 20, segmentId: known });
    const detail = await this.chains.read(req.actor!, id);
    this.pages.send(
      req,
      res,
      'console/chain',
      {
        map,
        detail,
        diagram: chainDiagram(map.segments),
        tiers: SEGMENT_TIERS,
        statuses: SEGMENT_STATUSES,
        targets: { ...targets, page: pageNo(q), pageSize: 20 },
        segmentId: known ?? '',
        params: { segment: known ? String(known) : '' },
      },
      { title: map.name },
    );
  }

  @Post(':id/leads')
  async createLead(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '产业链');
    const b = req.body as FormBody;
    const parsed = parseSafe(chainLeadSchema, { enterpriseId: Number(field(b, 'enterpriseId')), ...(field(b, 'segmentId') ? { segmentId: Number(field(b, 'segmentId')) } : {}) });
    if (!parsed.ok) throw new ProblemException(400, 'validation-failed', '请选择一个招商目标');
    const lead = await this.chains.createLead(req.actor!, id, parsed.value);
    this.pages.redirect(res, `/console/leads/${lead.id}`, 'created');
  }
}
