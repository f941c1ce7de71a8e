import { Injectable } from '@nestjs/common';
import { defineEvent } from '../platform/events/domain-events.js';
import { ChainIndex, type ChainFact } from './scoring/chains.js';

/**
 * A chain was created or changed — its segments, thresholds, 链主 — or a segment's status changed
 * (gap / weak / strong), in the writing transaction. Matching re-matches the projects of the
 * chain's region. Declared here, beside the port, not in src/chains: chains depends on matching
 * (through leads), so matching may not import it.
 */
export const chainChanged = defineEvent<{ chainId: number; regionCode: string }>('chains.changed');

/** What the chains module answers: every chain with its segments' current statuses (a few dozen rows). */
export interface ChainFactsSource {
  chainFacts(): Promise<ChainFact[]>;
}

/**
 * The port through which matching reads the industrial chains (the chain factor, scoring/chains.ts).
 * The chains module plugs its source in at start-up (it depends on matching, not the other way
 * round); without one, as in a process that does not load chains, there are no chains and the
 * factor is left out. Changes reach matching as the chains module's `chainChanged` domain event
 * (matching.triggers.ts), which re-matches the projects of the chain's region.
 */
@Injectable()
export class ChainFactsPort {
  private source: ChainFactsSource | null = null;

  provide(source: ChainFactsSource): void {
    this.source = source;
  }

  async index(): Promise<ChainIndex> {
    if (!this.source) return ChainIndex.empty;
    return new ChainIndex(await this.source.chainFacts());
  }
}
