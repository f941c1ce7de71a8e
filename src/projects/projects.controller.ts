import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '../access/actor.js';
import { CurrentActor, Public, StaffOnly } from '../access/decorators.js';
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
import { projectPageResponse, projectResponse, projectView } from './project.view.js';
import { ProjectsService } from './projects.service.js';
import { ZodResponse } from '../platform/http/openapi.js';

@ApiTags('projects 招商项目')
@StaffOnly()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @ApiOperation({ summary: "Create a project in one's own region (a draft until published)" })
  @ZodResponse(projectResponse)
  async create(@ZodBody(createProjectSchema) body: CreateProjectInput, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.draft(actor, body));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '项目库: published projects by region/industry subtree, stage, incentive kind, investment, text' })
  @ZodResponse(projectPageResponse)
  async list(@ZodQuery(listProjectsQuery) q: ListProjectsQuery, @CurrentActor() actor: Actor | null) {
    const page = await this.projects.browse(actor, q);
    return toPage(page.items.map(projectView), page.total, page);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A project (a draft only for staff covering its region)' })
  @ZodResponse(projectResponse)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    return projectView(await this.projects.read(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a project' })
  @ZodResponse(projectResponse)
  async update(@IdParam() id: number, @ZodBody(updateProjectSchema) body: UpdateProjectInput, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.edit(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (published projects are closed instead)' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.projects.delete(actor, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft (matching starts)' })
  @ZodResponse(projectResponse)
  async publish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.publish(actor, id));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a published project back to draft' })
  @ZodResponse(projectResponse)
  async unpublish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.unpublish(actor, id));
  }

  @Post(':id/stage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to a later stage (签约/开工/投产) or close; recorded with its date' })
  @ZodResponse(projectResponse)
  async changeStage(@IdParam() id: number, @ZodBody(changeStageSchema) body: ChangeStageInput, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.advanceStage(actor, id, body));
  }
}
