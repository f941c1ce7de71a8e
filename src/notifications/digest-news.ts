import type { EntityManager } from 'typeorm';

/** An article as an enterprise's digest shows it ("本周招商资讯"). */
export interface DigestArticle {
  id: number;
  title: string;
  summary: string;
  region: string;
  publishedAt: Date;
}

export interface DigestRecipient {
  enterpriseId: number;
  targetRegionCodes: string[];
  industryCodes: string[];
}

/**
 * Where digests get their news from. The news module provides it (src/news/news.queries.ts,
 * bound to DIGEST_NEWS in its global module); notifications never reads news tables, and without
 * the news module digests simply carry no news.
 */
export interface DigestNewsSource {
  /** Articles to show this enterprise now (none it was sent before), in the digest's transaction. */
  forDigest(m: EntityManager, who: DigestRecipient, now: Date): Promise<DigestArticle[]>;
  /** Records that the digest `notificationId` carried them (so they are never sent twice). */
  markSent(m: EntityManager, enterpriseId: number, articleIds: number[], notificationId: number): Promise<void>;
}

export const DIGEST_NEWS = Symbol('DIGEST_NEWS');
