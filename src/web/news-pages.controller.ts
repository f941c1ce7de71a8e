import { Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Feed } from 'feed';
import type { AuthedRequest } from '../access/auth.guard.js';
import { Public } from '../access/decorators.js';
import { metaOf } from '../audit/request-context.js';
import { listArticlesQuery, submitArticleSchema } from '../news/news.schemas.js';
import { NewsQueries } from '../news/news.queries.js';
import { NewsService } from '../news/news.service.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { notFound, ProblemException } from '../platform/http/problem.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { PoliciesService } from '../policies/policies.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { listProjectsQuery } from '../projects/project.schemas.js';
import { listPoliciesQuery } from '../policies/policy.schemas.js';
import { regions } from '../reference/regions.js';
import { errorMap, field, type ErrorMap, type FormBody } from './forms/form-input.js';
import { pickerModel, pickFrom } from './forms/tree-picker.js';
import { Pages } from './pages.js';
import { idOf, pageNo } from './page-params.js';
import { assertSameOrigin } from '../access/same-origin.js';
import { WebExceptionFilter } from './web-exception.filter.js';

const PAGE_SIZE = 12;
const FEED_SIZE = 30;
const SITEMAP_LIBRARY_PAGES = 20; // × 100 projects and policies each

interface SubmitValues {
  title: string;
  summary: string;
  body: string;
  source: string;
  sourceUrl: string;
  submitterName: string;
  submitterEmail: string;
}

const xmlEscape = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** 招商资讯 on the public site: the list, an article, the Atom feed (per region), 投稿, and the sitemap. */
@ApiExcludeController()
@Controller()
@Public()
@UseFilters(WebExceptionFilter)
export class NewsPagesController {
  constructor(
    private readonly pages: Pages,
    private readonly news: NewsService,
    private readonly queries: NewsQueries,
    private readonly projects: ProjectsService,
    private readonly policies: PoliciesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('news')
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const region = pickFrom('regions', 'region', q);
    const industry = pickFrom('industries', 'industry', q);
    const filters = { q: field(q, 'q'), region, industry, tag: field(q, 'tag') };
    const parsed = parseSafe(listArticlesQuery, {
      q: filters.q || undefined,
      region: region || undefined,
      industry: industry || undefined,
      tag: filters.tag || undefined,
      page: String(pageNo(q)),
      pageSize: String(PAGE_SIZE),
    });
    const result = parsed.ok ? await this.queries.listPublished(parsed.value) : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    const scope = region ? regions().fullName(region) : '';
    this.pages.send(
      req,
      res,
      'public/news',
      {
        filters,
        result,
        regionPicker: pickerModel('regions', 'region', region, '地区'),
        industryPicker: pickerModel('industries', 'industry', industry, '行业'),
        params: filters,
        feed: region ? `/news/feed.xml?region=${region}` : '/news/feed.xml',
      },
      {
        title: scope ? `${scope}招商资讯` : '招商资讯',
        description: `${scope || '各地'}招商资讯：招商引资动态、重点项目进展、产业政策解读，可按地区、行业、标签筛选和全文搜索。`,
        errors: parsed.ok ? {} : errorMap(parsed.errors),
        status: 200,
      },
    );
  }

  @Get('news/feed.xml')
  async feed(@Req() req: AuthedRequest, @Res() res: Response) {
    const raw = field(req.query as FormBody, 'region');
    if (raw && !regions().has(raw)) throw notFound('地区');
    const region = raw || undefined;
    const base = this.config.PUBLIC_BASE_URL;
    const items = await this.queries.latest(FEED_SIZE, region);
    const name = region ? regions().fullName(region) : '';
    const self = `${base}/news/feed.xml${region ? `?region=${region}` : ''}`;
    const feed = new Feed({
      id: self,
      title: `${name}招商资讯 · 招商撮合`,
      description: `${name || '各地'}招商引资动态`,
      link: `${base}/news${region ? `?region=${region}` : ''}`,
      language: 'zh-CN',
      copyright: '招商撮合 InvestMatch',
      updated: items[0]?.publishedAt ?? new Date(0),
      feedLinks: { atom: self },
    });
    for (const a of items) {
      feed.addItem({
        id: `${base}/news/${a.id}`,
        link: `${base}/news/${a.id}`,
        title: a.title,
        description: a.summary || undefined,
        content: a.bodyHtml,
        date: a.publishedAt ?? a.createdAt,
        author: a.author ? [{ name: a.author }] : a.source ? [{ name: a.source }] : undefined,
        category: a.regionCodes.map((c) => ({ name: regions().fullName(c), term: c })),
      });
    }
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.send(feed.atom1());
  }

  @Get('sitemap.xml')
  async sitemap(@Req() _req: AuthedRequest, @Res() res: Response) {
    const base = this.config.PUBLIC_BASE_URL;
    const urls: Array<{ loc: string; lastmod?: Date | null }> = [
      '/',
      '/library/projects',
      '/library/policies',
      '/news',
      '/join',
      '/news/submit',
    ].map((p) => ({ loc: p }));
    for (const a of await this.queries.sitemapEntries()) urls.push({ loc: `/news/${a.id}`, lastmod: a.updatedAt });
    for (let page = 1; page <= SITEMAP_LIBRARY_PAGES; page++) {
      const r = await this.projects.list(parseOr(listProjectsQuery, { page: String(page), pageSize: '100' }));
      for (const p of r.items) urls.push({ loc: `/library/projects/${p.id}`, lastmod: p.updatedAt });
      if (r.items.length < 100) break;
    }
    for (let page = 1; page <= SITEMAP_LIBRARY_PAGES; page++) {
      const r = await this.policies.list(parseOr(listPoliciesQuery, { page: String(page), pageSize: '100' }));
      for (const p of r.items) urls.push({ loc: `/library/policies/${p.id}`, lastmod: p.updatedAt });
      if (r.items.length < 100) break;
    }
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...urls.map(
        (u) =>
          `<url><loc>${xmlEscape(base + u.loc)}</loc>${u.lastmod ? `<lastmod>${new Date(u.lastmod).toISOString()}</lastmod>` : ''}</url>`,
      ),
      '</urlset>',
      '',
    ].join('\n');
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.send(body);
  }

  @Get('news/submit')
  submitForm(@Req() req: AuthedRequest, @Res() res: Response) {
    const region = pickFrom('regions', 'region', req.query as FormBody);
    this.renderSubmit(
      req,
      res,
      { title: '', summary: '', body: '', source: '', sourceUrl: '', submitterName: '', submitterEmail: '' },
      region,
      {},
    );
  }

  @Post('news/submit')
  async submit(@Req() req: AuthedRequest, @Res() res: Response) {
    assertSameOrigin(req);
    const body = req.body as FormBody;
    const region = pickFrom('regions', 'region', body);
    const values: SubmitValues = {
      title: field(body, 'title'),
      summary: field(body, 'summary'),
      body: typeof body.body === 'string' ? body.body : '',
      source: field(body, 'source'),
      sourceUrl: field(body, 'sourceUrl'),
      submitterName: field(body, 'submitterName'),
      submitterEmail: field(body, 'submitterEmail'),
    };
    if (field(body, '_action') === 'refresh') return this.renderSubmit(req, res, values, region, {}, 200);
    if (field(body, 'website')) return res.redirect(303, '/news/submit/done'); // honeypot
    const parsed = parseSafe(submitArticleSchema, {
      title: values.title,
      summary: values.summary,
      body: values.body,
      source: values.source,
      sourceUrl: values.sourceUrl || null,
      regionCode: region || '',
      ...(req.actor ? {} : { submitterName: values.submitterName, submitterEmail: values.submitterEmail || undefined }),
    });
    if (!parsed.ok) return this.renderSubmit(req, res, values, region, errorMap(parsed.errors, { regionCode: 'region' }));
    try {
      await this.news.submit(req.actor ?? null, parsed.value, metaOf(req).ip);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500) {
        const mapped = err.errors?.length ? errorMap(err.errors, { regionCode: 'region' }) : { _form: [err.message] };
        return this.renderSubmit(req, res, values, region, mapped, err.status);
      }
      throw err;
    }
    res.redirect(303, req.actor ? '/news/submit/done?signedIn=1' : '/news/submit/done');
  }

  @Get('news/submit/done')
  submitted(@Req() req: AuthedRequest, @Res() res: Response) {
    const signedIn = field(req.query as FormBody, 'signedIn') === '1';
    this.pages.send(req, res, 'public/news-submitted', { signedIn, confirmed: false }, { title: '投稿已提交' });
  }

  @Get('news/submit/confirm')
  async confirm(@Req() req: AuthedRequest, @Res() res: Response) {
    const token = field(req.query as FormBody, 'token');
    try {
      await this.news.confirm(token);
    } catch (err) {
      if (err instanceof ProblemException && err.status === 400) {
        return this.pages.send(
          req,
          res,
          'public/news-submitted',
          { signedIn: false, confirmed: false, invalid: true },
          { title: '确认链接无效', status: 400 },
        );
      }
      throw err;
    }
    this.pages.send(req, res, 'public/news-submitted', { signedIn: false, confirmed: true }, { title: '投稿已确认' });
  }

  @Get('news/:id')
  async article(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '文章');
    const a = await this.queries.published(id);
    if (!a) throw notFound('文章');
    const related = await Promise.all(a.relatedProjectIds.slice(0, 10).map((pid) => this.projects.get(pid).catch(() => null)));
    const policies = await Promise.all(a.relatedPolicyIds.slice(0, 10).map((pid) => this.policies.get(pid).catch(() => null)));
    const latest = await this.projects.list(parseOr(listProjectsQuery, { region: a.regionCode, pageSize: '5' }));
    this.pages.send(
      req,
      res,
      'public/article',
      {
        a,
        relatedProjects: related.filter((p) => p?.status === 'published'),
        relatedPolicies: policies.filter((p) => p?.status === 'published'),
        latestProjects: latest.items.filter((p) => !a.relatedProjectIds.includes(p.id)),
      },
      { title: a.title, description: a.summary || a.title, canonical: `/news/${a.id}` },
    );
  }

  private renderSubmit(req: AuthedRequest, res: Response, values: SubmitValues, region: string, errors: ErrorMap, status?: number) {
    this.pages.send(
      req,
      res,
      'public/news-submit',
      { values, regionPicker: pickerModel('regions', 'region', region, '稿件所属地区（由该地区招商部门审核）'), signedIn: !!req.actor },
      {
        title: '我要投稿',
        description: '向各地招商部门投稿：招商引资动态、项目进展、企业入驻消息，经当地招商专员审核后发布。',
        errors,
        status,
      },
    );
  }
}

/** Parses a fixed, known-good internal query. */
function parseOr<S extends typeof listProjectsQuery | typeof listPoliciesQuery>(schema: S, input: Record<string, string>) {
  const r = parseSafe(schema, input);
  if (!r.ok) throw new Error(`bad internal query: ${JSON.stringify(r.errors)}`);
  return r.value as never;
}
