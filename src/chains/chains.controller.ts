import { Controller, Get, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor.js';
import { CurrentActor, StaffOnly } from '../access/decorators.js';
import { attachment, CSV_TYPE, XLSX_TYPE } from '../platform/spreadsheet/spreadsheet.js';
import { toPage } from '../platform/http/pagination.js';
import { apiSchema, FileResponse, ZodResponse } from '../platform/http/openapi.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { regions } from '../reference/regions.js';
import { CHAIN_TEMPLATES } from './chain-templates.js';
import { chainFiguresView, chainMapView, chainView } from './chain.view.js';
import {
  chainCreatedSchema,
  chainFiguresExportQuery,
  chainFiguresQuery,
  chainFiguresSchema,
  chainsFiguresExportQuery,
  chainsFiguresQuery,
  chainsFiguresSchema,
  type ChainsFiguresExportQuery,
  type ChainsFiguresQuery,
  type ChainFiguresExportQuery,
  type ChainFiguresQuery,
  chainLeadCreatedSchema,
  chainLeadSchema,
  chainMapSchema,
  chainPageSchema,
  chainSchema,
  chainTargetPageSchema,
  chainTemplateListSchema,
  createChainSchema,
  listChainsQuery,
  targetsExportQuery,
  targetsQuery,
  updateChainSchema,
  type ChainLeadInput,
  type CreateChainInput,
  type ListChainsQuery,
  type TargetsExportQuery,
  type TargetsQuery,
  type UpdateChainInput,
} from './chains.schemas.js';
import { ChainsService } from './chains.service.js';

const ChainSchema = apiSchema('Chain', chainSchema);
const ChainPage = apiSchema('ChainPage', chainPageSchema);
const ChainMap = apiSchema('ChainMap', chainMapSchema);
const ChainTargetPage = apiSchema('ChainTargetPage', chainTargetPageSchema);
const ChainTemplates = apiSchema('ChainTemplates', chainTemplateListSchema);
const ChainCreated = apiSchema('ChainCreated', chainCreatedSchema);
const ChainLeadCreated = apiSchema('ChainLeadCreated', chainLeadCreatedSchema);
const ChainFiguresApi = apiSchema('ChainFigures', chainFiguresSchema);
const ChainsFiguresApi = apiSchema('ChainsFigures', chainsFiguresSchema);

/** 产业链招商: parse, one service call with the actor, view. */
@ApiTags('chains 产业链招商')
@StaffOnly()
@Controller('chains')
export class ChainsController {
  constructor(private readonly chains: ChainsService) {}

  @Get('templates')
  @ApiOperation({ summary: 'The chain templates (产业链模板) a region may adopt' })
  @ZodResponse(ChainTemplates)
  templates() {
    return { items: CHAIN_TEMPLATES.map((t) => ({ ...t, segments: t.segments.map((s) => ({ ...s, keywords: s.keywords ?? [] })) })) };
  }

  @Get()
  @ApiOperation({ summary: "The chains of the caller's region subtree" })
  @ZodResponse(ChainPage)
  async list(@ZodQuery(listChainsQuery) q: ListChainsQuery, @CurrentActor() actor: Actor) {
    const page = await this.chains.list(actor, q);
    const items = page.items.map((c) => ({ ...c, regionName: regions().fullName(c.regionCode) }));
    return toPage(items, page.total, q);
  }

  @Get('figures')
  @ApiOperation({
    summary:
      "三个一批 by chain and segment for every chain of the region subtree (the caller's scope; default this year), with each chain's 补链 leads signed and agreements",
  })
  @ZodResponse(ChainsFiguresApi)
  async figuresOverview(@ZodQuery(chainsFiguresQuery) q: ChainsFiguresQuery, @CurrentActor() actor: Actor) {
    const o = await this.chains.figuresOverview(actor, q);
    return { period: o.period, items: o.items.map(chainFiguresView), total: o.total };
  }

  @Get('figures/export')
  @FileResponse(XLSX_TYPE, CSV_TYPE)
  @ApiOperation({ summary: 'GET /chains/figures as XLSX or CSV (a row per segment and per chain); audited' })
  async exportFiguresOverview(
    @ZodQuery(chainsFiguresExportQuery) q: ChainsFiguresExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, name } = await this.chains.exportFiguresOverview(actor, q);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(name));
    return new StreamableFile(file);
  }

  @Post()
  @ApiOperation({ summary: 'Staff of the region: a chain with its segments, or adopt a template (templateKey)' })
  @ZodResponse(ChainCreated, { status: 201 })
  create(@ZodBody(createChainSchema) body: CreateChainInput, @CurrentActor() actor: Actor) {
    return this.chains.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Staff covering its region: the chain, its segments, 链长 and 链主 (others: 404)' })
  @ZodResponse(ChainSchema)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return chainView(await this.chains.read(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Staff covering its region: rename, 链长, 链主, thresholds; segments replace the list' })
  @ZodResponse(ChainSchema)
  async update(@IdParam() id: number, @ZodBody(updateChainSchema) body: UpdateChainInput, @CurrentActor() actor: Actor) {
    return chainView(await this.chains.update(actor, id, body));
  }

  @Get(':id/map')
  @ApiOperation({ summary: 'The chain map: per segment local enterprises, open projects, landed leads and status strong/weak/gap' })
  @ZodResponse(ChainMap)
  async map(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return chainMapView(await this.chains.map(actor, id));
  }

  @Get(':id/targets')
  @ApiOperation({ summary: 'Enterprises outside the region fitting a gap or weak segment, ranked, with reasons' })
  @ZodResponse(ChainTargetPage)
  async targets(@IdParam() id: number, @ZodQuery(targetsQuery) q: TargetsQuery, @CurrentActor() actor: Actor) {
    const page = await this.chains.targets(actor, id, q);
    return toPage(page.items, page.total, q);
  }

  @Get(':id/targets/export')
  @FileResponse(XLSX_TYPE, CSV_TYPE)
  @ApiOperation({ summary: 'The ranked targets (first 5 000) as XLSX or CSV; audited' })
  async exportTargets(
    @IdParam() id: number,
    @ZodQuery(targetsExportQuery) q: TargetsExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, name } = await this.chains.exportTargets(actor, id, q);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(name));
    return new StreamableFile(file);
  }

  @Get(':id/figures')
  @ApiOperation({ summary: '三个一批 of the chain and of each segment for a period (default this year), 补链 leads signed, agreements' })
  @ZodResponse(ChainFiguresApi)
  async figures(@IdParam() id: number, @ZodQuery(chainFiguresQuery) q: ChainFiguresQuery, @CurrentActor() actor: Actor) {
    return chainFiguresView(await this.chains.figures(actor, id, q));
  }

  @Get(':id/figures/export')
  @FileResponse(XLSX_TYPE, CSV_TYPE)
  @ApiOperation({ summary: 'The chain figures as XLSX or CSV (a row per segment and the chain); audited' })
  async exportFigures(
    @IdParam() id: number,
    @ZodQuery(chainFiguresExportQuery) q: ChainFiguresExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, name } = await this.chains.exportFigures(actor, id, q);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(name));
    return new StreamableFile(file);
  }

  @Post(':id/leads')
  @ApiOperation({ summary: 'Staff covering its region: turn a target into a lead (source 产业链招商); an open one is returned' })
  @ZodResponse(ChainLeadCreated, { status: 201 })
  createLead(@IdParam() id: number, @ZodBody(chainLeadSchema) body: ChainLeadInput, @CurrentActor() actor: Actor) {
    return this.chains.createLead(actor, id, body);
  }
}
