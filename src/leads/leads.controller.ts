import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { CurrentActor, Roles, StaffOnly } from '../access/decorators.js';
import { attachment, CSV_TYPE, XLSX_TYPE } from '../platform/spreadsheet/spreadsheet.js';
import { shanghaiDate } from '../platform/format/units.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { Clock } from '../platform/clock/clock.js';
import { AssignmentService } from './assignment.service.js';
import { figuresFile, leadsFile } from './exports.js';
import { FiguresService, figuresExportQuery, figuresQuery, type FiguresExportQuery, type FiguresQuery } from './figures.service.js';
import { LeadExportService } from './lead-export.service.js';
import {
  addActivitySchema,
  assignLeadSchema,
  assignmentRuleSchema,
  changeLeadStageSchema,
  createLeadSchema,
  exportLeadsQuery,
  inquirySchema,
  type InquiryInput,
  listLeadsQuery,
  listRulesQuery,
  reopenLeadSchema,
  updateLeadSchema,
  type AddActivityInput,
  type AssignLeadInput,
  type AssignmentRuleInput,
  type ChangeLeadStageInput,
  type CreateLeadInput,
  type ExportLeadsQuery,
  type ListLeadsQuery,
  type ReopenLeadInput,
  type UpdateLeadInput,
} from './lead.schemas.js';
import {
  activityResponse,
  activityView,
  createdLeadResponse,
  enterpriseLeadView,
  leadDetailResponse,
  leadListItem,
  leadListResponse,
  type LeadListRow,
  leadResponse,
  leadView,
} from './lead.view.js';
import { LeadsService } from './leads.service.js';
import { FileResponse, ZodResponse } from '../platform/http/openapi.js';
import { assignmentRuleListResponse, assignmentRuleResponse, figuresResponse, inquiryResponse } from './leads.responses.js';

@ApiTags('leads 线索')
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly figures: FiguresService,
    private readonly exporter: LeadExportService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Leads: staff see their region subtree, enterprise users their own (read-only view). Filters: stage, owner (me/none/id), region and industry subtrees, source, followUpDue, text. Paged by page (up to 10,000 rows) or by cursor (nextCursor).',
  })
  @ZodResponse(leadListResponse)
  async list(@ZodQuery(listLeadsQuery) q: ListLeadsQuery, @CurrentActor() actor: Actor) {
    const page = await this.leads.list(actor, q);
    const contacts = actor.role === 'enterprise' ? await this.leads.contactsOf(page.items.map((r) => r.id)) : new Map();
    const view =
      actor.role === 'enterprise'
        ? (r: LeadListRow): object => enterpriseLeadView(r, contacts.get(r.id))
        : (r: LeadListRow): object => leadListItem(r);
    return { ...page, items: page.items.map(view) };
  }

  @Post()
  @StaffOnly()
  @ApiOperation({
    summary:
      'Create a lead: from a match (matchId, source "match") or by hand (enterpriseId + projectId or regionCode). Assigned automatically unless ownerId is given. Answers 201, or 200 with the existing lead (same match, or an open lead of the same enterprise on the same project/region).',
  })
  @ZodResponse(createdLeadResponse, { status: [201, 200] })
  async create(@ZodBody(createLeadSchema) body: CreateLeadInput, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const r = await this.leads.create(actor, body);
    res.status(r.created ? HttpStatus.CREATED : HttpStatus.OK);
    const { lead, activities } = await this.leads.get(actor, r.id);
    return { ...leadView(lead), created: r.created, timeline: activities.map(activityView) };
  }

  @Post('inquiries')
  @Roles('enterprise')
  @ApiOperation({
    summary:
      '主动咨询: a signed-in enterprise asks about a published project (projectId) or policy (policyId) without a match; creates its lead (source "inquiry") for the responsible bureau. Answers 201, or 200 with the open lead it already has; says who will call.',
  })
  @ZodResponse(inquiryResponse, { status: [201, 200] })
  async inquire(@ZodBody(inquirySchema) body: InquiryInput, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const r = await this.leads.inquire(actor, body);
    res.status(r.created ? HttpStatus.CREATED : HttpStatus.OK);
    return r;
  }

  @Get('export')
  @StaffOnly()
  @FileResponse(XLSX_TYPE, CSV_TYPE)
  @ApiOperation({ summary: 'The filtered leads as XLSX or CSV (the lead import columns, so a file can come back); audited' })
  async export(@ZodQuery(exportLeadsQuery) q: ExportLeadsQuery, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const rows = await this.exporter.rows(actor, q);
    const file = await leadsFile(rows, q.format);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(`线索_${shanghaiDate(this.clock.now())}.${q.format}`));
    return new StreamableFile(file);
  }

  @Get('figures')
  @StaffOnly()
  @ApiOperation({
    summary:
      "三个一批 figures: leads reaching each stage, projects and amounts signed/started/producing (a project counts once; an increase counts its increase), conversion of the period's new leads, median days per stage; by region subtree, industry, officer and period (groupBy region/industry/owner/month/quarter)",
  })
  @ZodResponse(figuresResponse)
  async getFigures(@ZodQuery(figuresQuery) q: FiguresQuery, @CurrentActor() actor: Actor) {
    return this.figures.figures(actor, q);
  }

  @Get('figures/export')
  @StaffOnly()
  @FileResponse(XLSX_TYPE, CSV_TYPE)
  @ApiOperation({ summary: 'The 三个一批 figures as XLSX or CSV (same filters as /leads/figures, plus format); audited' })
  async exportFigures(
    @ZodQuery(figuresExportQuery) q: FiguresExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const f = await this.exporter.figuresFile(actor, q);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(`三个一批_${f.period.from}_${f.period.to}.${q.format}`));
    return new StreamableFile(await figuresFile(f, q.format));
  }

  @Get(':id')
  @ApiOperation({ summary: "A lead with its timeline (staff covering its region); its enterprise's users get a read-only status view" })
  @ZodResponse(leadDetailResponse)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    const { lead, activities } = await this.leads.get(actor, id);
    if (actor.role === 'enterprise') return enterpriseLeadView(lead);
    return { ...leadView(lead), timeline: activities.map(activityView) };
  }

  @Patch(':id')
  @StaffOnly()
  @ApiOperation({ summary: 'Next follow-up date, expected investment' })
  @ZodResponse(leadResponse)
  async update(@IdParam() id: number, @ZodBody(updateLeadSchema) body: UpdateLeadInput, @CurrentActor() actor: Actor) {
    return leadView(await this.leads.updateLead(actor, id, body));
  }

  @Post(':id/stage')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move along the pipeline (new › contacted › negotiating › signed › started › producing, or lost with a reason): forward only; signing needs amountYuan (a second signing on a project is an increase: only its amount counts); audited',
  })
  @ZodResponse(leadResponse)
  async changeStage(@IdParam() id: number, @ZodBody(changeLeadStageSchema) body: ChangeLeadStageInput, @CurrentActor() actor: Actor) {
    return leadView(await this.leads.changeStage(actor, id, body));
  }

  @Post(':id/reopen')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a lost lead (explicit, with a reason; on the timeline and audited)' })
  @ZodResponse(leadResponse)
  async reopen(@IdParam() id: number, @ZodBody(reopenLeadSchema) body: ReopenLeadInput, @CurrentActor() actor: Actor) {
    return leadView(await this.leads.reopen(actor, id, body));
  }

  @Post(':id/activities')
  @StaffOnly()
  @ApiOperation({ summary: 'Log a call, visit, meeting or note (optionally with the next follow-up date)' })
  @ZodResponse(activityResponse)
  async addActivity(@IdParam() id: number, @ZodBody(addActivitySchema) body: AddActivityInput, @CurrentActor() actor: Actor) {
    return activityView(await this.leads.addActivity(actor, id, body));
  }

  @Post(':id/assign')
  @Roles('admin', 'bureau_lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bureau lead: reassign to an officer of a bureau covering the lead (audited)' })
  @ZodResponse(leadResponse)
  async assign(@IdParam() id: number, @ZodBody(assignLeadSchema) body: AssignLeadInput, @CurrentActor() actor: Actor) {
    return leadView(await this.leads.assign(actor, id, body));
  }
}

@ApiTags('leads 线索')
@Controller('lead-assignment-rules')
@Roles('admin', 'bureau_lead')
export class AssignmentRulesController {
  constructor(private readonly assignment: AssignmentService) {}

  @Get()
  @ApiOperation({ summary: "The bureau's automatic assignment rules (region and/or industry subtree → officer)" })
  @ZodResponse(assignmentRuleListResponse)
  async list(@ZodQuery(listRulesQuery) q: z.output<typeof listRulesQuery>, @CurrentActor() actor: Actor) {
    return this.assignment.listRules(actor, q.bureauId);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a rule: new leads in the region/industry subtree go to this officer (round-robin among equally specific rules)',
  })
  @ZodResponse(assignmentRuleResponse)
  async create(@ZodBody(assignmentRuleSchema) body: AssignmentRuleInput, @CurrentActor() actor: Actor) {
    return this.assignment.createRule(actor, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an assignment rule' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.assignment.deleteRule(actor, id);
  }
}
