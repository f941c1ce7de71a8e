import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access.js';
import { isStaff, type Actor } from '../auth/actor.js';
import { CurrentActor, Public, StaffOnly } from '../auth/decorators.js';
import { toPage } from '../platform/http/pagination.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import {
  changeStageSchema,
  createProjectSchema,
  listProjectsQuery,
  updateProjectSchema,
  type ChangeStageInput,
  type CreateProjectInput,
  type ListProjectsQuery,
  type UpdateProjectInput,
} from './project.schemas.js';
import { projectView } from './project.view.js';
import { ProjectsService, withPublishedIncentives } from './projects.service.js';

@ApiTags('projects 招商项目')
@StaffOnly()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a project in one\'s own region (a draft until published)' })
  async create(@ZodBody(createProjectSchema) body: CreateProjectInput, @CurrentActor() actor: Actor) {
    this.access.assertRegionWritable(actor, body.regionCode);
    await this.access.assertIncentivesReadable(actor, body.incentiveIds);
    return projectView(await this.projects.create(body, actor.userId));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '项目库: published projects by region/industry subtree, stage, incentive kind, investment, text' })
  async list(@ZodQuery(listProjectsQuery) q: ListProjectsQuery, @CurrentActor() actor: Actor | null) {
    const page = await this.projects.list({ ...q, ...this.access.draftsWithin(actor, q.includeDrafts) });
    return toPage(page.items.map(projectView), page.total, page);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A project (a draft only for staff covering its region)' })
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    await this.access.project(actor, id, 'read');
    const p = await this.projects.get(id);
    return projectView(isStaff(actor) ? p : withPublishedIncentives(p));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a project' })
  async update(@IdParam() id: number, @ZodBody(updateProjectSchema) body: UpdateProjectInput, @CurrentActor() actor: Actor) {
    await this.access.project(actor, id, 'write');
    if (body.regionCode) this.access.assertRegionWritable(actor, body.regionCode);
    await this.access.assertIncentivesReadable(actor, body.incentiveIds);
    return projectView(await this.projects.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (published projects are closed instead)' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    const { regionCode } = await this.access.project(actor, id, 'write');
    await this.projects.remove(id);
    await this.audit.record(null, { actor, action: 'project.deleted', target: { type: 'project', id, region: regionCode } });
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft (matching starts)' })
  async publish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return projectView(await this.setPublished(actor, id, true));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a published project back to draft' })
  async unpublish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return projectView(await this.setPublished(actor, id, false));
  }

  private async setPublished(actor: Actor, id: number, published: boolean) {
    await this.access.project(actor, id, 'write');
    return this.audit.within(async (m) => {
      const p = await this.projects.setPublished(id, published, m);
      return { result: p, audit: { actor, action: published ? 'project.published' : 'project.unpublished', target: { type: 'project', id, region: p.regionCode } } };
    });
  }

  @Post(':id/stage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to a later stage (签约/开工/投产) or close; recorded with its date' })
  async changeStage(@IdParam() id: number, @ZodBody(changeStageSchema) body: ChangeStageInput, @CurrentActor() actor: Actor) {
    await this.access.project(actor, id, 'write');
    const p = await this.audit.within(async (m) => {
      const before = await this.projects.get(id, m);
      const after = await this.projects.changeStage(id, body, actor.userId, m);
      const detail = { from: before.stage, to: after.stage, at: body.at ?? null, note: body.note };
      return { result: after, audit: { actor, action: 'project.stage_changed', target: { type: 'project', id, region: after.regionCode }, detail } };
    });
    return projectView(p);
  }
}
