import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { PoliciesModule } from '../policies/policies.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { IntakeController } from './intake.controller.js';
import { IntakeProcessor } from './intake.processor.js';
import { IntakeQueries } from './intake.queries.js';
import { IntakeService } from './intake.service.js';

/** Uploads larger than this are refused with 413 (a 政府工作报告 as PDF is a few MB). */
export const INTAKE_MAX_BYTES = 20 * 1024 * 1024;

/** Policy-document intake: upload, extraction job, drafts with evidence, review (采用/忽略). */
@Module({
  imports: [MulterModule.register({ limits: { fileSize: INTAKE_MAX_BYTES, files: 1 } }), ProjectsModule, PoliciesModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeQueries, IntakeProcessor],
  exports: [IntakeService, IntakeQueries],
})
export class IntakeModule {}
