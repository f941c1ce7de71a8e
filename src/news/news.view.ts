import { industryRef, regionRef } from '../reference/refs.js';
import type { Article } from './article.entity.js';
import { ARTICLE_STATUSES } from './article.vocabulary.js';

/** An article in the API. Staff of its region also see the moderation facts and the suggestions. */
export function articleView(a: Article, staff = false) {
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    ...(a.body !== undefined ? { body: a.body, bodyHtml: a.bodyHtml } : {}),
    source: a.source,
    sourceUrl: a.sourceUrl ?? null,
    author: a.author,
    region: regionRef(a.regionCode),
    regions: a.regionCodes.map(regionRef),
    industries: a.industryCodes.map(industryRef),
    tags: a.tags,
    relatedProjectIds: a.relatedProjectIds ?? [],
    relatedPolicyIds: a.relatedPolicyIds ?? [],
    status: a.status,
    statusLabel: ARTICLE_STATUSES[a.status],
    publishedAt: a.publishedAt,
    ...(staff
      ? {
          origin: a.origin,
          rejectionReason: a.rejectionReason,
          submitterName: a.submitterName,
          confirmed: a.confirmedAt !== null,
          suggestions: a.suggestions,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        }
      : {}),
  };
}
export type ArticleView = ReturnType<typeof articleView>;
