import { Injectable } from '@nestjs/common';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import type { JobOf } from '../platform/queue/job-definition.js';
import { runImportJob } from './imports.jobs.js';
import { ImportsService } from './imports.service.js';

@Injectable()
export class ImportsProcessor {
  constructor(private readonly imports: ImportsService) {}

  @JobHandler(runImportJob)
  async run(job: JobOf<typeof runImportJob>): Promise<void> {
    await this.imports.process(job.data.importId);
  }
}
