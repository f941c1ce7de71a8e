import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { staffScope } from '../access/access-policy.js';
import type { DigestArticle, DigestNewsSource, DigestRecipient } from '../notifications/digest-news.js';
import { matchesSearch, searchRank, tsQuery } from '../platform/database/search.js';
import { offsetOf, toPage, type Page } from '../platform/http/pagination.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { Article } from './article.entity.js';
import type { ListArticlesQuery, ModerationQuery } from './news.schemas.js';
import { NewsService } from './news.service.js';

/** The columns of a list card (no body). */
const CARD = [
  'a.id',
  'a.title',
  'a.summary',
  'a.source',
  'a.author',
  'a.regionCode',
  'a.regionCodes',
  'a.industryCodes',
  'a.tags',
  'a.status',
  'a.origin',
  'a.publishedAt',
  'a.createdAt',
  'a.updatedAt',
];

/** How many articles a digest carries at most, and how old they may be. */
export const DIGEST_ARTICLES = { max: 5, maxAgeDays: 14 } as const;

/**
 * Read models of 招商资讯: the public list (jieba full-text search, region/industry subtree and
 * tag filters — GIN indexes), the feed, the sitemap, the moderation queue of a bureau, and the
 * articles an enterprise's digest should carry (the query notifications calls).
 */
@Injectable()
export class NewsQueries implements DigestNewsSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly news: NewsService,
  ) {}

  async listPublished(q: ListArticlesQuery): Promise<Page<Article>> {
    const qb = this.dataSource.manager.createQueryBuilder(Article, 'a').select(CARD).where(`a.status = 'published'`);
    if (q.region) qb.andWhere('a.region_path @> CAST(:region AS char(6)[])', { region: [q.region] });
    if (q.industry) qb.andWhere('a.industry_path && CAST(:industry AS varchar[])', { industry: q.industry });
    if (q.tag) qb.andWhere('a.tags @> CAST(:tag AS varchar[])', { tag: [q.tag] });
    const tsq = tsQuery(q.q);
    if (q.q && !tsq) return toPage([], 0, q);
    if (tsq) qb.andWhere(matchesSearch('a'), { tsq }).orderBy(searchRank('a'), 'DESC');
    qb.addOrderBy('a.published_at', 'DESC').addOrderBy('a.id', 'DESC').offset(offsetOf(q)).limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, q);
  }

  /** The newest published articles (home page, feeds); optionally about a region's subtree. */
  async latest(limit: number, region?: string): Promise<Article[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Article, 'a')
      .where(`a.status = 'published'`)
      .orderBy('a.published_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (region) qb.andWhere('a.region_path @> CAST(:region AS char(6)[])', { region: [region] });
    return qb.getMany();
  }

  /** A published article (public pages); anything else is 404 there. */
  async published(id: number): Promise<Article | null> {
    return this.dataSource.manager.findOne(Article, { where: { id, status: 'published' } });
  }

  /** An article's id by its exact title (the demo seed's identity). */
  async idByTitle(title: string): Promise<number | null> {
    const a = await this.dataSource.manager.findOne(Article, { where: { title }, select: { id: true } });
    return a?.id ?? null;
  }

  /** Ids and dates of every published article, for the sitemap (newest first). */
  async sitemapEntries(limit = 40_000): Promise<Array<{ id: number; updatedAt: Date }>> {
    return this.dataSource.manager
      .createQueryBuilder(Article, 'a')
      .select(['a.id', 'a.updatedAt'])
      .where(`a.status = 'published'`)
      .orderBy('a.published_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /**
   * The console's list for a staff member: articles of their region, submissions first
   * (confirmed ones only — a guest's unconfirmed submission is nobody's work yet).
   */
  async forStaff(actor: Actor, q: ModerationQuery): Promise<Page<Article>> {
    const scope = staffScope(actor);
    const qb = this.dataSource.manager
      .createQueryBuilder(Article, 'a')
      .select([...CARD, 'a.submitterName', 'a.confirmedAt', 'a.rejectionReason']);
    qb.where(`(a.status <> 'submitted' OR a.confirmed_at IS NOT NULL)`);
    if (scope)
      qb.andWhere('a.region_path @> CAST(:scope AS char(6)[])', { scope: [scope] }).andWhere(
        `a.region_code = ANY(CAST(:codes AS char(6)[]))`,
        { codes: regions().subtree(scope) },
      );
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    qb.orderBy(`CASE WHEN a.status = 'submitted' THEN 0 ELSE 1 END`)
      .addOrderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset(offsetOf(q))
      .limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, q);
  }

  /** How many confirmed submissions wait in the caller's region (the console badge). */
  async pendingCount(actor: Actor): Promise<number> {
    const scope = staffScope(actor);
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM article
       WHERE status = 'submitted' AND confirmed_at IS NOT NULL AND ($1::char(6) IS NULL OR region_path @> ARRAY[$1::char(6)])`,
      [scope],
    );
    return row.n;
  }

  // ---- digests: notifications asks, news answers (notifications never reads news tables)

  /**
   * Published articles of the last two weeks about the enterprise's target regions (their subtree,
   * or a region containing them — a 河南省 article concerns an enterprise looking at 开封) and,
   * when the article names industries, of its industries (either one inside the other); never one
   * already sent to it. Index-driven: the article_status_published_idx range, then the arrays.
   */
  async forDigest(m: EntityManager, who: DigestRecipient, now: Date): Promise<DigestArticle[]> {
    if (!who.targetRegionCodes.length) return [];
    const since = new Date(now.getTime() - DIGEST_ARTICLES.maxAgeDays * 86_400_000);
    const rows: Array<{ id: number; title: string; summary: string; region_code: string; published_at: Date }> = await m.query(
      `SELECT a.id, a.title, a.summary, a.region_code, a.published_at
       FROM article a
       WHERE a.status = 'published' AND a.published_at >= $2 AND a.published_at <= $3
         AND (a.region_path && $4::char(6)[] OR a.region_codes && $5::char(6)[])
         AND (a.industry_codes = '{}' OR a.industry_codes && $6::varchar[] OR a.industry_path && $7::varchar[])
         AND NOT EXISTS (SELECT 1 FROM article_delivery d WHERE d.enterprise_id = $1 AND d.article_id = a.id)
       ORDER BY a.published_at DESC, a.id DESC
       LIMIT $8`,
      [
        who.enterpriseId,
        since,
        now,
        who.targetRegionCodes,
        regions().closure(who.targetRegionCodes),
        industries().closure(who.industryCodes),
        who.industryCodes,
        DIGEST_ARTICLES.max,
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      region: regions().fullName(r.region_code),
      publishedAt: new Date(r.published_at),
    }));
  }

  async markSent(m: EntityManager, enterpriseId: number, articleIds: number[], notificationId: number): Promise<void> {
    await this.news.recordDelivery(m, enterpriseId, articleIds, notificationId);
  }
}
