import { Global, Module } from '@nestjs/common';
import { DIGEST_MATCH_REASONS } from '../notifications/digest-match-reasons.js';
import { MatchingEnterpriseMerge } from './matching.enterprise-merge.js';
import { ChainFactsPort } from './chain-facts.port.js';
import { FullRematchService } from './full-rematch.service.js';
import { MatchCountsQueries } from './match-counts.queries.js';
import { MatchExplanations } from './match-explanations.js';
import { MatchesService } from './matches.service.js';
import { MatchingController } from './matching.controller.js';
import { MatchingEngine } from './matching.engine.js';
import { MatchingProcessor } from './matching.processor.js';
import { MatchingTriggers } from './matching.triggers.js';

/**
 * The matching engine: jobs, the full re-match, matches API. Other modules' changes reach it as domain events (matching.triggers.ts → matching.jobs.ts).
 * Global so that the digest builder (notifications) finds DIGEST_MATCH_REASONS without importing matching.
 */
@Global()
@Module({
  controllers: [MatchingController],
  providers: [
    MatchingEnterpriseMerge,
    MatchingEngine,
    MatchingProcessor,
    MatchingTriggers,
    FullRematchService,
    MatchesService,
    MatchCountsQueries,
    MatchExplanations,
    ChainFactsPort,
    { provide: DIGEST_MATCH_REASONS, useExisting: MatchExplanations },
  ],
  exports: [
    ChainFactsPort,
    MatchingEngine,
    MatchesService,
    FullRematchService,
    MatchCountsQueries,
    MatchExplanations,
    DIGEST_MATCH_REASONS,
  ],
})
export class MatchingModule {}
