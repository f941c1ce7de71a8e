import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import type { JobOf } from '../platform/queue/job-definition.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { FullRematchService } from './full-rematch.service.js';
import { MatchingEngine } from './matching.engine.js';
import {
  fullRematchChunkJob,
  fullRematchFinishJob,
  fullRematchJob,
  incentiveChangedJob,
  matchEnterpriseJob,
  matchProjectJob,
  policyChangedJob,
} from './matching.jobs.js';

/** The handlers of the matching jobs (run by the WorkerHost in every process with WORKERS on). */
@Injectable()
export class MatchingProcessor {
  private readonly log = new Logger('Matching');

  constructor(
    private readonly engine: MatchingEngine,
    private readonly full: FullRematchService,
    private readonly queues: QueueService,
  ) {}

  @JobHandler(matchEnterpriseJob)
  async enterprise(job: JobOf<typeof matchEnterpriseJob>) {
    const stats = await this.engine.matchEnterprises({ ids: [job.data.enterpriseId] });
    this.log.debug({ job: job.id, ...stats }, 'enterprise matched');
    return stats;
  }

  @JobHandler(matchProjectJob)
  async project(job: JobOf<typeof matchProjectJob>) {
    const stats = await this.engine.matchProject(job.data.projectId);
    this.log.debug({ job: job.id, ...stats }, 'project matched');
    return stats;
  }

  @JobHandler(incentiveChangedJob)
  async incentive(job: JobOf<typeof incentiveChangedJob>) {
    const { stats, projectIds } = await this.engine.incentiveChanged(job.data.incentiveId);
    await this.rematchProjects(job, projectIds);
    return { ...stats, projects: projectIds.length };
  }

  @JobHandler(policyChangedJob)
  async policy(job: JobOf<typeof policyChangedJob>) {
    const projects = new Set<number>();
    let eligibilityWritten = 0;
    for (const incentiveId of await this.engine.incentivesOfPolicy(job.data.policyId)) {
      const { stats, projectIds } = await this.engine.incentiveChanged(incentiveId);
      eligibilityWritten += stats.eligibilityWritten;
      for (const p of projectIds) projects.add(p);
    }
    await this.rematchProjects(job, [...projects]);
    return { eligibilityWritten, projects: projects.size };
  }

  /** Project jobs named after this job, so a retry of it adds nothing twice. */
  private async rematchProjects(job: Job, projectIds: number[]): Promise<void> {
    if (!projectIds.length) return;
    await this.queues.addBulk(
      projectIds.map((projectId) =>
        matchProjectJob.request({ projectId }, { jobId: `match-project-${projectId}-via-${String(job.id).replace(/:/g, '_')}` }),
      ),
    );
  }

  @JobHandler(fullRematchJob)
  async fullStart(job: JobOf<typeof fullRematchJob>) {
    await this.full.start(job);
  }

  @JobHandler(fullRematchChunkJob)
  async fullChunk(job: JobOf<typeof fullRematchChunkJob>) {
    return this.full.chunk(job);
  }

  @JobHandler(fullRematchFinishJob)
  async fullFinish(job: JobOf<typeof fullRematchFinishJob>) {
    await this.full.finish(job);
  }
}
