import { Module } from '@nestjs/common';
import { ProjectIndustryQueries } from './project-industry.queries.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectIndustryQueries],
  exports: [ProjectsService, ProjectIndustryQueries],
})
export class ProjectsModule {}
