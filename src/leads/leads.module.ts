import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module.js';
import { LeadsEnterpriseMerge } from './leads.enterprise-merge.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { AssignmentService } from './assignment.service.js';
import { FiguresService } from './figures.service.js';
import { LeadExportService } from './lead-export.service.js';
import { AssignmentRulesController, LeadsController } from './leads.controller.js';
import { LeadIndustryQueries } from './lead-industry.queries.js';
import { LeadsQueries } from './leads.queries.js';
import { LeadsService } from './leads.service.js';
import { LeadRemindersService } from './reminders.service.js';

/** 线索: the pipeline, assignment, reminders, 三个一批 figures and exports. */
@Module({
  imports: [ProjectsModule, PoliciesModule],
  controllers: [LeadsController, AssignmentRulesController],
  providers: [
    LeadsEnterpriseMerge,
    LeadsService,
    LeadsQueries,
    LeadIndustryQueries,
    AssignmentService,
    FiguresService,
    LeadExportService,
    LeadRemindersService,
  ],
  exports: [LeadsService, LeadsQueries, LeadIndustryQueries, AssignmentService, FiguresService, LeadRemindersService],
})
export class LeadsModule {}
