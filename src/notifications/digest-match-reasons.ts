import type { EntityManager } from 'typeorm';

/**
 * Where digests get a match's reasons from. A stored match keeps what its factors found, not the
 * text; the matching module spells it out (src/matching/match-explanations.ts, bound to
 * DIGEST_MATCH_REASONS in its global module), so notifications neither decodes match verdicts nor
 * imports matching (matching writes notification events: the dependency runs the other way).
 */
export interface DigestMatchReasons {
  /** The highlights of each match (by id), in the digest's transaction. */
  reasonsOf(m: EntityManager, matchIds: readonly string[]): Promise<Map<string, string[]>>;
}

export const DIGEST_MATCH_REASONS = Symbol('DIGEST_MATCH_REASONS');
