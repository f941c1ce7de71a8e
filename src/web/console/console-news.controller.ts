import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { coversRegion } from '../../access/actor.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import type { Article } from '../../news/article.entity.js';
import { ARTICLE_STATUSES, articleStatuses, type ArticleStatus } from '../../news/article.vocabulary.js';
import { createArticleSchema, moderationQuery, rejectArticleSchema, updateArticleSchema } from '../../news/news.schemas.js';
import { NewsQueries } from '../../news/news.queries.js';
import { NewsService } from '../../news/news.service.js';
import { ProblemException } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { ProjectsService } from '../../projects/projects.service.js';
import { errorMap, field, fields, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

interface ArticleForm {
  title: string;
  summary: string;
  body: string;
  source: string;
  sourceUrl: string;
  author: string;
  tags: string;
  publishedOn: string;
}

const emptyForm = (): ArticleForm => ({
  title: '',
  summary: '',
  body: '',
  source: '',
  sourceUrl: '',
  author: '',
  tags: '',
  publishedOn: '',
});
const formOf = (a: Article): ArticleForm => ({
  title: a.title,
  summary: a.summary,
  body: a.body,
  source: a.source,
  sourceUrl: a.sourceUrl ?? '',
  author: a.author,
  tags: a.tags.join('，'),
  publishedOn: '',
});
const readForm = (b: FormBody): ArticleForm => ({
  title: field(b, 'title'),
  summary: field(b, 'summary'),
  body: typeof b.body === 'string' ? b.body : '',
  source: field(b, 'source'),
  sourceUrl: field(b, 'sourceUrl'),
  author: field(b, 'author'),
  tags: field(b, 'tags'),
  publishedOn: field(b, 'publishedOn'),
});
const tagList = (s: string) =>
  s
    .split(/[,，、\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
const ids = (b: FormBody, name: string) =>
  fields(b, name)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
const RENAME = { regionCode: 'region', 'industryCodes[0]': 'industry' };

/** Console: the region's 招商资讯 — the moderation queue of 投稿, writing and editing articles, confirming suggestions. */
@ApiExcludeController()
@Controller('console/news')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleNewsController {
  constructor(
    private readonly pages: Pages,
    private readonly news: NewsService,
    private readonly queries: NewsQueries,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const status = field(q, 'status');
    const state = listState(q);
    const parsed = parseSafe(moderationQuery, {
      status: (articleStatuses as string[]).includes(status) ? status : undefined,
      ...listQuery(state),
    });
    const result = parsed.ok
      ? await this.queries.forStaff(req.actor!, parsed.value)
      : { items: [], total: 0, page: 1, pageSize: state.pageSize };
    const pending = await this.queries.pendingCount(req.actor!);
    this.pages.send(
      req,
      res,
      'console/news',
      { result, listState: state, pending, status, statuses: Object.entries(ARTICLE_STATUSES), params: { status } },
      { title: '招商资讯' },
    );
  }

  @Get('new')
  form(@Req() req: AuthedRequest, @Res() res: Response) {
    this.renderNew(req, res, emptyForm(), req.actor!.regionScope ?? '', '', {});
  }

  @Post('new')
  async create(@Req() req: AuthedRequest, @Res() res: Response) {
    const b = req.body as FormBody;
    const values = readForm(b);
    const region = pickFrom('regions', 'region', b);
    const industry = pickFrom('industries', 'industry', b);
    if (field(b, '_action') === 'refresh') return this.renderNew(req, res, values, region, industry, {}, 200);
    const parsed = parseSafe(createArticleSchema, {
      ...values,
      sourceUrl: values.sourceUrl || null,
      publishedOn: values.publishedOn || null,
      tags: tagList(values.tags),
      regionCode: region,
      industryCodes: industry ? [industry] : [],
      status: field(b, '_action') === 'publish' ? 'published' : 'draft',
    });
    if (!parsed.ok) return this.renderNew(req, res, values, region, industry, errorMap(parsed.errors, RENAME));
    try {
      const a = await this.news.create(req.actor!, parsed.value);
      this.pages.redirect(res, `/console/news/${a.id}`, a.status === 'published' ? 'published' : 'created');
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.renderNew(req, res, values, region, industry, this.problemErrors(err), err.status);
      throw err;
    }
  }

  @Get(':id')
  async show(@Req() req: AuthedRequest, @Res() res: Response) {
    const a = await this.news.read(req.actor!, idOf(req.params.id as string, '文章'));
    await this.renderArticle(req, res, a, formOf(a), {});
  }

  @Post(':id/edit')
  async edit(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '文章');
    const b = req.body as FormBody;
    const values = readForm(b);
    const extraIndustry = pickFrom('industries', 'industry', b);
    const parsed = parseSafe(updateArticleSchema, {
      title: values.title,
      summary: values.summary,
      body: values.body,
      source: values.source,
      sourceUrl: values.sourceUrl || null,
      author: values.author,
      tags: tagList(values.tags),
      regionCodes: fields(b, 'regionCodes'),
      industryCodes: [...new Set([...fields(b, 'industryCodes'), ...(extraIndustry ? [extraIndustry] : [])])],
      relatedProjectIds: ids(b, 'relatedProjectIds'),
      relatedPolicyIds: ids(b, 'relatedPolicyIds'),
      ...(values.publishedOn ? { publishedOn: values.publishedOn } : {}),
    });
    const current = await this.news.read(req.actor!, id);
    if (!parsed.ok) return this.renderArticle(req, res, current, values, errorMap(parsed.errors, RENAME));
    try {
      await this.news.update(req.actor!, id, parsed.value);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500 && err.status !== 404)
        return this.renderArticle(req, res, current, values, this.problemErrors(err), err.status);
      throw err;
    }
    this.pages.redirect(res, `/console/news/${id}`, 'saved');
  }

  @Post(':id/publish')
  async publish(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '文章');
    await this.news.publish(req.actor!, id);
    this.pages.redirect(res, `/console/news/${id}`, 'published');
  }

  @Post(':id/approve')
  async approve(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '文章');
    await this.news.approve(req.actor!, id);
    this.pages.redirect(res, `/console/news/${id}`, 'approved');
  }

  @Post(':id/reject')
  async reject(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '文章');
    const parsed = parseSafe(rejectArticleSchema, { reason: field(req.body as FormBody, 'reason') });
    if (!parsed.ok) {
      const a = await this.news.read(req.actor!, id);
      if (!coversRegion(req.actor, a.regionCode)) throw new ProblemException(404, 'not-found', '文章不存在');
      return this.renderArticle(req, res, a, formOf(a), errorMap(parsed.errors));
    }
    await this.news.reject(req.actor!, id, parsed.value);
    this.pages.redirect(res, `/console/news/${id}`, 'articleRejected');
  }

  private problemErrors(err: ProblemException): ErrorMap {
    return err.errors?.length ? errorMap(err.errors, RENAME) : { _form: [err.message] };
  }

  private renderNew(
    req: AuthedRequest,
    res: Response,
    values: ArticleForm,
    region: string,
    industry: string,
    errors: ErrorMap,
    status?: number,
  ) {
    this.pages.send(
      req,
      res,
      'console/news-new',
      {
        values,
        regionPicker: pickerModel('regions', 'region', region, '所属地区（本辖区）'),
        industryPicker: pickerModel('industries', 'industry', industry, '行业（可选）'),
      },
      { title: '发布资讯', errors, status },
    );
  }

  private async renderArticle(req: AuthedRequest, res: Response, a: Article, values: ArticleForm, errors: ErrorMap, status?: number) {
    const write = coversRegion(req.actor, a.regionCode);
    const projectIds = [...new Set([...a.relatedProjectIds, ...(a.suggestions.projectIds ?? [])])];
    const projects = (await Promise.all(projectIds.map((id) => this.projects.get(id).catch(() => null)))).filter((p) => p !== null);
    this.pages.send(
      req,
      res,
      'console/news-article',
      {
        a,
        values,
        write,
        statusLabel: ARTICLE_STATUSES[a.status as ArticleStatus],
        moderatable: write && a.status === 'submitted' && a.confirmedAt !== null,
        awaitingConfirmation: a.status === 'submitted' && a.confirmedAt === null,
        regionChoices: [...new Set([...a.regionCodes, ...(a.suggestions.regionCodes ?? [])])].map((c) => ({
          code: c,
          checked: a.regionCodes.includes(c),
          owner: c === a.regionCode,
          suggested: !a.regionCodes.includes(c),
        })),
        industryChoices: [...new Set([...a.industryCodes, ...(a.suggestions.industryCodes ?? [])])].map((c) => ({
          code: c,
          checked: a.industryCodes.includes(c),
          suggested: !a.industryCodes.includes(c),
        })),
        projectChoices: projects.map((p) => ({
          id: p.id,
          title: p.title,
          regionCode: p.regionCode,
          checked: a.relatedProjectIds.includes(p.id),
          suggested: !a.relatedProjectIds.includes(p.id),
        })),
        suggestedTags: (a.suggestions.tags ?? []).filter((t) => !a.tags.includes(t)),
        industryPicker: pickerModel('industries', 'industry', '', '添加行业'),
      },
      { title: a.title, errors, status },
    );
  }
}
