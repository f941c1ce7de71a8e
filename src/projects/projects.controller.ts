import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { isStaff, type Actor } from '../auth/actor.js';
import { CurrentActor, Public, StaffOnly } from '../auth/decorators.js';
import { notFound } from '../platform/http/problem.js';
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
import { ProjectsService } from './projects.service.js';

@ApiTags('projects 招商项目')
@StaffOnly()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a project (a draft until published)' })
  async create(@ZodBody(createProjectSchema) body: CreateProjectInput) {
    return projectView(await this.projects.create(body));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '项目库: published projects by region/industry subtree, stage, incentive kind, investment, text' })
  async list(@ZodQuery(listProjectsQuery) q: ListProjectsQuery, @CurrentActor() actor: Actor | null) {
    const page = await this.projects.list({ ...q, includeDrafts: isStaff(actor) && !!q.includeDrafts });
    return toPage(page.items.map(projectView), page.total, page);
  }

  @Get(':id')
  @Public()
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    const p = await this.projects.get(id);
    if (p.status !== 'published' && !isStaff(actor)) throw notFound('项目');
    return projectView(p);
  }

  @Patch(':id')
  async update(@IdParam() id: number, @ZodBody(updateProjectSchema) body: UpdateProjectInput) {
    return projectView(await this.projects.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (published projects are closed instead)' })
  async remove(@IdParam() id: number): Promise<void> {
    await this.projects.remove(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  async publish(@IdParam() id: number) {
    return projectView(await this.projects.setPublished(id, true));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  async unpublish(@IdParam() id: number) {
    return projectView(await this.projects.setPublished(id, false));
  }

  @Post(':id/stage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to a later stage (签约/开工/投产) or close; recorded with its date' })
  async changeStage(@IdParam() id: number, @ZodBody(changeStageSchema) body: ChangeStageInput) {
    return projectView(await this.projects.changeStage(id, body));
  }
}
