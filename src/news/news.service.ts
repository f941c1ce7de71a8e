import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.js';
import { coversRegion, isStaff, type Actor } from '../access/actor.js';
import { RateLimits } from '../access/rate-limits.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { noticeTemplate, type NoticeData } from '../notifications/templates/notice.js';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { conflict, notFound, ProblemException, validationFailed, type FieldError } from '../platform/http/problem.js';
import { searchText } from '../platform/text/segmenter.js';
import { ProjectsService } from '../projects/projects.service.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { plainText, renderArticleBody } from './article-markup.js';
import { Article, type ArticleSuggestions } from './article.entity.js';
import { moderationProblem, type ArticleStatus } from './article.vocabulary.js';
import type { CreateArticleInput, RejectArticleInput, SubmitArticleInput, UpdateArticleInput } from './news.schemas.js';
import { mentionedProjects, recogniseText } from './recognise.js';

/** A guest's confirmation link stays valid this long. */
export const CONFIRM_LIFETIME_MS = 48 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Content = Pick<Article, 'title' | 'summary' | 'body' | 'regionCode' | 'regionCodes' | 'industryCodes' | 'tags' | 'origin'>;

/** Columns derived from the content on every save: rendering, closures, search text. */
function derived(a: Content) {
  const t = industries();
  const r = regions();
  const regionCodes = [a.regionCode, ...a.regionCodes.filter((c) => c !== a.regionCode)];
  const text = plainText(a.body);
  return {
    regionCodes,
    regionPath: r.closure(regionCodes),
    industryPath: t.closure(a.industryCodes),
    bodyHtml: renderArticleBody(a.body, { submitted: a.origin === 'submission' }),
    searchText: searchText(
      a.title,
      a.summary,
      text,
      ...regionCodes.map((c) => r.fullName(c)),
      ...a.industryCodes.map((c) => t.get(c)?.name),
      ...a.tags,
    ),
  };
}

export interface SubmissionResult {
  id: number;
  status: 'submitted';
}

/**
 * 招商资讯 and 投稿. Every operation: access check › one transaction › write › audit › mail
 * (through the notifications outbox). Staff write articles of their region (draft or published);
 * anyone may submit one for a region, which waits — invisible to the public — until an officer
 * of that region approves it (or rejects it with a reason); the submitter is told by mail.
 */
@Injectable()
export class NewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimits,
    private readonly projects: ProjectsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ------------------------------------------------------------------ staff

  /** POST /articles: staff of the article's region; a draft, or published at once. */
  async create(actor: Actor, input: CreateArticleInput): Promise<Article> {
    this.access.assertRegionWritable(actor, input.regionCode);
    await this.assertRelatedReadable(actor, input.relatedProjectIds, input.relatedPolicyIds);
    const id = await this.dataSource.transaction(async (m) => {
      const { status, publishedOn, ...fields } = input;
      const content = { ...fields, origin: 'staff' as const };
      const a = m.create(Article, {
        ...content,
        ...derived(content),
        suggestions: await this.suggest(content),
        status,
        publishedAt: status === 'published' ? this.publicationDate(publishedOn) : null,
        createdBy: actor.userId,
      });
      await m.insert(Article, a);
      await this.audit.record(m, {
        actor,
        action: status === 'published' ? 'article.published' : 'article.created',
        target: this.target(a),
      });
      return a.id;
    });
    return this.get(id);
  }

  /** PATCH /articles/:id: staff of its region (a moderator editing a submission, an editor confirming suggestions). */
  async update(actor: Actor, id: number, input: UpdateArticleInput): Promise<Article> {
    await this.assertRelatedReadable(actor, input.relatedProjectIds, input.relatedPolicyIds);
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockForStaff(m, actor, id, 'write');
      if (input.regionCode && input.regionCode !== a.regionCode) this.access.assertRegionWritable(actor, input.regionCode);
      const { publishedOn, ...fields } = input;
      Object.assign(a, fields);
      if (publishedOn !== undefined && a.status === 'published') a.publishedAt = this.publicationDate(publishedOn);
      Object.assign(a, derived(a), { suggestions: await this.suggest(a) });
      await m.save(Article, a);
      await this.audit.record(m, { actor, action: 'article.updated', target: this.target(a), detail: { fields: Object.keys(input) } });
    });
    return this.get(id);
  }

  /** Publishes a staff draft (staff of its region). Submissions go through approve. */
  async publish(actor: Actor, id: number): Promise<Article> {
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockForStaff(m, actor, id, 'write');
      if (a.status !== 'draft') throw conflict('article-not-draft', '只有草稿可以直接发布');
      a.status = 'published';
      a.publishedAt = this.clock.now();
      await m.save(Article, a);
      await this.audit.record(m, { actor, action: 'article.published', target: this.target(a) });
    });
    return this.get(id);
  }

  // ------------------------------------------------------------------ 投稿

  /**
   * POST /articles/submissions: anyone. Signed-in: the user is the submitter and the submission
   * enters the queue at once. Guest: name and address required; a confirmation link is mailed and
   * the submission enters the queue when it is used. Rate-limited per IP and per address/account.
   */
  async submit(actor: Actor | null, input: SubmitArticleInput, ip: string): Promise<SubmissionResult> {
    const errors: FieldError[] = [];
    if (!actor && !input.submitterEmail)
      errors.push({ field: 'submitterEmail', code: 'required', message: '请填写邮箱，用于确认投稿和接收审核结果' });
    if (!actor && !input.submitterName) errors.push({ field: 'submitterName', code: 'required', message: '请填写投稿人姓名' });
    if (errors.length) throw validationFailed(errors);
    await this.rateLimits.consume('news-submit-ip', ip || 'unknown');
    await this.rateLimits.consume('news-submit-account', actor ? `u:${actor.userId}` : `e:${input.submitterEmail}`);
    const now = this.clock.now();
    const token = actor ? null : randomBytes(32).toString('base64url');
    const id = await this.dataSource.transaction(async (m) => {
      const content = { ...input, regionCodes: [input.regionCode], tags: [], origin: 'submission' as const };
      const { submitterEmail: _e, submitterName: _n, ...fields } = content;
      const a = m.create(Article, {
        ...fields,
        ...derived(content),
        author: actor ? actor.name : input.submitterName,
        suggestions: await this.suggest(content),
        status: 'submitted',
        submitterUserId: actor?.userId ?? null,
        submitterEmail: actor ? actor.email : input.submitterEmail!,
        submitterName: actor ? actor.name : input.submitterName,
        confirmedAt: actor ? now : null,
        confirmTokenHash: token ? sha256(token) : null,
        confirmExpiresAt: token ? new Date(now.getTime() + CONFIRM_LIFETIME_MS) : null,
        createdBy: actor?.userId ?? null,
      });
      await m.insert(Article, a);
      await this.audit.record(m, { actor, action: 'article.submitted', target: this.target(a), detail: { guest: !actor } });
      if (token) {
        await this.mail(m, a, 'confirm', {
          title: '请确认您的投稿',
          paragraphs: [
            `您向${regions().fullName(a.regionCode)}招商部门投稿《${a.title}》。`,
            '请在 48 小时内点击下方按钮确认，确认后稿件进入审核；审核结果将通过邮件通知您。',
            '如非本人操作，请忽略本邮件。',
          ],
          action: { label: '确认投稿', url: `${this.config.PUBLIC_BASE_URL}/news/submit/confirm?token=${token}` },
        });
      }
      return a.id;
    });
    return { id, status: 'submitted' };
  }

  /** A guest's e-mailed link: the submission enters the moderation queue. Unknown, used or expired: 400. */
  async confirm(token: string): Promise<{ id: number }> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const [rows]: [Array<{ id: number; region_code: string; submitter_email: string }>, number] = await m.query(
        `UPDATE article SET confirmed_at = $2, confirm_token_hash = NULL, updated_at = $2
         WHERE confirm_token_hash = $1 AND confirmed_at IS NULL AND confirm_expires_at > $2 AND status = 'submitted'
         RETURNING id, region_code, submitter_email`,
        [sha256(token), now],
      );
      const row = rows[0];
      if (!row) throw validationFailed([{ field: 'token', code: 'invalid_token', message: '确认链接无效或已过期' }]);
      await this.audit.record(m, {
        actor: { userId: null, email: row.submitter_email, role: null },
        action: 'article.submission_confirmed',
        target: { type: 'article', id: row.id, region: row.region_code },
      });
      return { id: row.id };
    });
  }

  /** POST /articles/:id/approve: an officer of its region publishes a confirmed submission; the submitter is told. */
  async approve(actor: Actor, id: number): Promise<Article> {
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockForStaff(m, actor, id, 'moderate');
      this.assertModeratable(a);
      const now = this.clock.now();
      Object.assign(a, {
        status: 'published' as ArticleStatus,
        publishedAt: now,
        moderatedBy: actor.userId,
        moderatedAt: now,
        rejectionReason: null,
      });
      await m.save(Article, a);
      await this.audit.record(m, { actor, action: 'article.approved', target: this.target(a) });
      await this.mail(m, a, 'approved', {
        title: '您的投稿已发布',
        paragraphs: [`您投稿的《${a.title}》已通过${regions().fullName(a.regionCode)}招商部门审核，现已发布。感谢您的投稿！`],
        action: { label: '查看文章', url: `${this.config.PUBLIC_BASE_URL}/news/${a.id}` },
      });
    });
    return this.get(id);
  }

  /** POST /articles/:id/reject: with a reason the submitter reads. */
  async reject(actor: Actor, id: number, input: RejectArticleInput): Promise<Article> {
    await this.dataSource.transaction(async (m) => {
      const a = await this.lockForStaff(m, actor, id, 'moderate');
      this.assertModeratable(a);
      const now = this.clock.now();
      Object.assign(a, { status: 'rejected' as ArticleStatus, moderatedBy: actor.userId, moderatedAt: now, rejectionReason: input.reason });
      await m.save(Article, a);
      await this.audit.record(m, { actor, action: 'article.rejected', target: this.target(a), detail: { reason: input.reason } });
      await this.mail(m, a, 'rejected', {
        title: '您的投稿未通过审核',
        paragraphs: [
          `您投稿的《${a.title}》未通过${regions().fullName(a.regionCode)}招商部门审核。`,
          `原因：${input.reason}`,
          '您可以修改后重新投稿。',
        ],
        action: { label: '重新投稿', url: `${this.config.PUBLIC_BASE_URL}/news/submit` },
      });
    });
    return this.get(id);
  }

  // ------------------------------------------------------------------ reading (with access)

  /** An article as the caller may see it: published ones to anyone; others to staff of its region only (404 otherwise). */
  async read(actor: Actor | null, id: number): Promise<Article> {
    const a = await this.dataSource.manager.findOne(Article, { where: { id } });
    if (!a || (a.status !== 'published' && !coversRegion(actor, a.regionCode))) throw notFound('文章');
    return a;
  }

  async get(id: number, m: EntityManager = this.dataSource.manager): Promise<Article> {
    const a = await m.findOne(Article, { where: { id } });
    if (!a) throw notFound('文章');
    return a;
  }

  // ------------------------------------------------------------------ digests (called by notifications)

  /** Records that a digest carried these articles to the enterprise (in the digest's transaction). */
  async recordDelivery(m: EntityManager, enterpriseId: number, articleIds: number[], notificationId: number): Promise<void> {
    if (!articleIds.length) return;
    await m.query(
      `INSERT INTO article_delivery (enterprise_id, article_id, notification_id, sent_at)
       SELECT $1, unnest($2::int[]), $3, $4 ON CONFLICT DO NOTHING`,
      [enterpriseId, articleIds, notificationId, this.clock.now()],
    );
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Staff of the article's region, under a row lock. Outside it: 404 for anything unpublished or
   * any moderation (one may not learn a submission exists), 403 for edits of a published article.
   */
  private async lockForStaff(m: EntityManager, actor: Actor, id: number, action: 'write' | 'moderate'): Promise<Article> {
    const a = await m.findOne(Article, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw notFound('文章');
    if (isStaff(actor) && coversRegion(actor, a.regionCode)) return a;
    if (action === 'write' && a.status === 'published') {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '该文章不在本招商局的辖区内，只能查看，不能修改');
    }
    throw notFound('文章');
  }

  private assertModeratable(a: Article): void {
    const problem = moderationProblem(a.status, a.confirmedAt !== null);
    if (problem) throw conflict('article-not-pending', problem);
  }

  private async assertRelatedReadable(actor: Actor, projectIds: number[] | undefined, policyIds: number[] | undefined): Promise<void> {
    const errors: FieldError[] = [];
    for (const [i, pid] of (projectIds ?? []).entries()) {
      await this.access
        .project(actor, pid, 'read')
        .catch(() => errors.push({ field: `relatedProjectIds[${i}]`, code: 'unknown_project', message: `项目 ${pid} 不存在` }));
    }
    for (const [i, pid] of (policyIds ?? []).entries()) {
      await this.access
        .policy(actor, pid, 'read')
        .catch(() => errors.push({ field: `relatedPolicyIds[${i}]`, code: 'unknown_policy', message: `政策 ${pid} 不存在` }));
    }
    if (errors.length) throw validationFailed(errors);
  }

  /** What the recogniser finds in the text, minus what the article already has: offered to the editor. */
  private async suggest(
    a: Pick<Article, 'title' | 'summary' | 'body' | 'regionCode' | 'regionCodes' | 'industryCodes' | 'tags'> & {
      relatedProjectIds?: number[];
    },
  ): Promise<ArticleSuggestions> {
    const text = `${a.title}\n${a.summary}\n${plainText(a.body)}`;
    const found = recogniseText(text, a.regionCode);
    const candidates = new Map<number, { id: number; title: string; regionCode: string }>();
    for (const region of [...new Set([a.regionCode, ...found.regionCodes])].slice(0, 4)) {
      const page = await this.projects.list({ region, page: 1, pageSize: 100, sort: 'newest' });
      for (const p of page.items) candidates.set(p.id, p);
    }
    const projects = mentionedProjects(text, found.projectNames, [...candidates.values()]).map((p) => p.id);
    const r = regions();
    return {
      regionCodes: found.regionCodes.filter((c) => !a.regionCodes.includes(c) && c !== a.regionCode && !r.isWithin(a.regionCode, c)),
      industryCodes: found.industryCodes.filter((c) => !a.industryCodes.includes(c)),
      amounts: found.amounts,
      projectIds: projects.filter((id) => !(a.relatedProjectIds ?? []).includes(id)),
      tags: found.regionCodes
        .map((c) => r.get(c)!.name)
        .filter((n) => !a.tags.includes(n))
        .slice(0, 5),
    };
  }

  private publicationDate(publishedOn: string | null | undefined): Date {
    if (!publishedOn) return this.clock.now();
    const at = new Date(`${publishedOn}T08:00:00+08:00`);
    if (at.getTime() > this.clock.now().getTime() + 24 * 3600_000) {
      throw validationFailed([{ field: 'publishedOn', code: 'future', message: '发布日期不能晚于今天' }]);
    }
    return at;
  }

  private target(a: Article) {
    return { type: 'article', id: a.id, region: a.regionCode };
  }

  private async mail(m: EntityManager, a: Article, what: 'confirm' | 'approved' | 'rejected', data: NoticeData): Promise<void> {
    if (!a.submitterUserId && !a.submitterEmail) return;
    await this.notifications.enqueue(m, {
      template: noticeTemplate,
      recipient: a.submitterUserId ? { userId: a.submitterUserId } : { email: a.submitterEmail!, name: a.submitterName || undefined },
      data,
      dedupeKey: `article-${what}:${a.id}`,
      category: 'transactional',
      regionCode: a.regionCode,
    });
  }
}
