import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DIGEST_MATCH_REASONS } from '../notifications/digest-match-reasons.js';
import { MatchingEnterpriseMerge } from './matching.enterprise-merge.js';
import { LeadsModule } from '../leads/leads.module.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { defineQueue } from '../platform/queue/job-definition.js';
import { FullRematchService } from './full-rematch.service.js';
import { MatchCountsQueries } from './match-counts.queries.js';
import { MatchExplanations } from './match-explanations.js';
import { MatchesService } from './matches.service.js';
import { MatchingController } from './matching.controller.js';
import { MatchingEngine } from './matching.engine.js';
import { MATCHING_FULL_QUEUE, MATCHING_QUEUE } from './matching.jobs.js';
import { MatchingProcessor } from './matching.processor.js';

/**
 * The matching engine: jobs, the full re-match, matches API. Triggers are written by the other modules' services (matching.jobs.ts).
 * Global so that the digest builder (notifications) finds DIGEST_MATCH_REASONS without importing matching.
 */
@Global()
@Module({
  imports: [LeadsModule],
  controllers: [MatchingController],
  providers: [MatchingEnterpriseMerge, MatchingEngine, MatchingProcessor, FullRematchService, MatchesService, MatchCountsQueries, MatchExplanations, { provide: DIGEST_MATCH_REASONS, useExisting: MatchExplanations }],
  exports: [MatchingEngine, MatchesService, FullRematchService, MatchCountsQueries, MatchExplanations, DIGEST_MATCH_REASONS],
})
export class MatchingModule implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    // before the WorkerHost starts the workers (application bootstrap)
    defineQueue(MATCHING_QUEUE, { concurrency: this.config.MATCHING_CONCURRENCY, lockDuration: this.config.MATCHING_LOCK_MS });
    defineQueue(MATCHING_FULL_QUEUE, { concurrency: this.config.MATCHING_FULL_CONCURRENCY, lockDuration: this.config.MATCHING_LOCK_MS });
  }
}
