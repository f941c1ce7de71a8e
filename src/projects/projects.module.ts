import { Module } from '@nestjs/common';
import { ChainSegmentsPort } from './chain-segments.port.js';
import { ProjectIndustryQueries } from './project-industry.queries.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectIndustryQueries, ChainSegmentsPort],
  exports: [ProjectsService, ProjectIndustryQueries, ChainSegmentsPort],
})
export class ProjectsModule {}
