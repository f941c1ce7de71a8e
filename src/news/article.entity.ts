import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ArticleOrigin, ArticleStatus } from './article.vocabulary.js';

/** What the recogniser found in an article's text when it was last saved, offered to the editor. */
export interface ArticleSuggestions {
  regionCodes: string[];
  industryCodes: string[];
  /** Amounts as written (e.g. "14.85亿元") with their value in yuan. */
  amounts: Array<{ text: string; yuan: number }>;
  /** Published projects whose title the text names. */
  projectIds: number[];
  tags: string[];
}

/**
 * 招商资讯: an article a region publishes, or one sent in (投稿) waiting for the officers of its
 * region. `regionCode` is the owning region (who moderates and edits it); `regionCodes` every
 * region it is about (the owning one first). Paths are closures for subtree filters (GIN).
 */
@Entity('article')
@Index('article_region_path_gin', { synchronize: false })
@Index('article_industry_path_gin', { synchronize: false })
@Index('article_tags_gin', { synchronize: false })
@Index('article_search_gin', { synchronize: false })
@Index('article_status_published_idx', ['status', 'publishedAt'])
export class Article {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  summary: string;

  /** Markdown (a small HTML subset allowed), as written. */
  @Column({ type: 'text' })
  body: string;

  /** The body rendered and sanitised when saved (what pages show). */
  @Column({ type: 'text' })
  bodyHtml: string;

  /** 来源, e.g. 尉氏县人民政府. */
  @Column({ type: 'varchar', length: 100, default: '' })
  source: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  author: string;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'char', length: 6, array: true })
  regionCodes: string[];

  @Column({ type: 'char', length: 6, array: true })
  regionPath: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryCodes: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryPath: string[];

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  relatedProjectIds: number[];

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  relatedPolicyIds: number[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  suggestions: ArticleSuggestions;

  @Column({ type: 'varchar', length: 10 })
  status: ArticleStatus;

  @Column({ type: 'varchar', length: 10 })
  origin: ArticleOrigin;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  /** The publication date shown (and the feed's order); set when published, may be back-dated. */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  /** 投稿: the signed-in submitter, or a guest's name and address (confirmed by an e-mailed link). */
  @Column({ type: 'int', nullable: true })
  submitterUserId: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  submitterEmail: string | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  submitterName: string;

  /** When the submitter confirmed (signed-in: at once; guest: the e-mailed link). Unconfirmed submissions are not in the queue. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** SHA-256 of a guest's single-use confirmation token (null once used). */
  @Index('article_confirm_token_key', { unique: true })
  @Column({ type: 'char', length: 64, nullable: true, select: false })
  confirmTokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmExpiresAt: Date | null;

  @Column({ type: 'int', nullable: true })
  moderatedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  moderatedAt: Date | null;

  @Column({ type: 'text', default: '', select: false })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Which articles an enterprise's digests already carried ("本周招商资讯": never the same article twice). */
@Entity('article_delivery')
@Index('article_delivery_article_idx', ['articleId'])
export class ArticleDelivery {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'article_delivery_pkey' })
  enterpriseId: number;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'article_delivery_pkey' })
  articleId: number;

  @Column({ type: 'bigint', nullable: true })
  notificationId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
