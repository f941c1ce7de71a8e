import { Injectable } from '@nestjs/common';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import type { JobOf } from '../platform/queue/job-definition.js';
import { extractDocumentJob } from './intake.jobs.js';
import { IntakeService } from './intake.service.js';

@Injectable()
export class IntakeProcessor {
  constructor(private readonly intake: IntakeService) {}

  @JobHandler(extractDocumentJob)
  async extract(job: JobOf<typeof extractDocumentJob>): Promise<void> {
    await this.intake.process(job.data.documentId, (percent) => job.updateProgress(percent));
  }
}
