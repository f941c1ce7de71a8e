import { Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { coversRegion, type Actor } from '../access/actor.js';
import { CurrentActor, Public, StaffOnly } from '../access/decorators.js';
import { metaOf } from '../audit/request-context.js';
import { toPage } from '../platform/http/pagination.js';
import { apiSchema, ApiProblems, ZodResponse } from '../platform/http/openapi.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import {
  articlePageSchema,
  articleSchema,
  confirmedSubmissionSchema,
  confirmSubmissionSchema,
  createArticleSchema,
  listArticlesQuery,
  moderationQuery,
  rejectArticleSchema,
  submissionCreatedSchema,
  submitArticleSchema,
  updateArticleSchema,
  type CreateArticleInput,
  type ListArticlesQuery,
  type ModerationQuery,
  type RejectArticleInput,
  type SubmitArticleInput,
  type UpdateArticleInput,
} from './news.schemas.js';
import { NewsQueries } from './news.queries.js';
import { NewsService } from './news.service.js';
import { articleView } from './news.view.js';

const Article = apiSchema('Article', articleSchema);
const ArticlePage = apiSchema('ArticlePage', articlePageSchema);

/** 招商资讯 and 投稿: parse, one service call with the actor, view. */
@ApiTags('articles 招商资讯')
@StaffOnly()
@Controller('articles')
export class NewsController {
  constructor(
    private readonly news: NewsService,
    private readonly queries: NewsQueries,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '招商资讯: published articles; region/industry subtree, tag and full-text filters' })
  @ZodResponse(ArticlePage)
  async list(@ZodQuery(listArticlesQuery) q: ListArticlesQuery) {
    const page = await this.queries.listPublished(q);
    return toPage(
      page.items.map((a) => articleView(a)),
      page.total,
      page,
    );
  }

  @Get('moderation')
  @ApiOperation({ summary: "The caller's region: its articles, confirmed submissions waiting for review first" })
  @ZodResponse(ArticlePage)
  async moderation(@ZodQuery(moderationQuery) q: ModerationQuery, @CurrentActor() actor: Actor) {
    const page = await this.queries.forStaff(actor, q);
    return toPage(
      page.items.map((a) => articleView(a, true)),
      page.total,
      page,
    );
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A published article (staff of its region: any status, with suggestions)' })
  @ZodResponse(Article)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    const a = await this.news.read(actor, id);
    return articleView(a, coversRegion(actor, a.regionCode));
  }

  @Post()
  @ApiOperation({ summary: "Staff: an article of one's region, as a draft or published at once" })
  @ZodResponse(Article)
  async create(@ZodBody(createArticleSchema) body: CreateArticleInput, @CurrentActor() actor: Actor) {
    return articleView(await this.news.create(actor, body), true);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Staff of its region: edit (also a submission under review; confirm suggested regions, industries, projects)' })
  @ZodResponse(Article)
  async update(@IdParam() id: number, @ZodBody(updateArticleSchema) body: UpdateArticleInput, @CurrentActor() actor: Actor) {
    return articleView(await this.news.update(actor, id, body), true);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff of its region: publish a draft' })
  @ZodResponse(Article)
  @ApiProblems(409)
  async publish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return articleView(await this.news.publish(actor, id), true);
  }

  @Post('submissions')
  @Public()
  @ApiOperation({ summary: '投稿: anyone submits an article for a region (guests confirm by an e-mailed link); rate-limited' })
  @ZodResponse(submissionCreatedSchema, { description: 'Waiting for moderation (a guest: once the e-mailed link is used)' })
  @ApiProblems(429)
  async submit(@ZodBody(submitArticleSchema) body: SubmitArticleInput, @CurrentActor() actor: Actor | null, @Req() req: Request) {
    return this.news.submit(actor, body, metaOf(req).ip);
  }

  @Post('submissions/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "A guest's e-mailed confirmation token: the submission enters the moderation queue" })
  @ZodResponse(confirmedSubmissionSchema)
  async confirm(@ZodBody(confirmSubmissionSchema) body: { token: string }) {
    return { ...(await this.news.confirm(body.token)), status: 'submitted' as const, confirmed: true };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Officers of its region: publish a submission (others: 404); the submitter is told by mail' })
  @ZodResponse(Article)
  @ApiProblems(409)
  async approve(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return articleView(await this.news.approve(actor, id), true);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Officers of its region: reject a submission with a reason (others: 404); the submitter is told by mail' })
  @ZodResponse(Article)
  @ApiProblems(409)
  async reject(@IdParam() id: number, @ZodBody(rejectArticleSchema) body: RejectArticleInput, @CurrentActor() actor: Actor) {
    return articleView(await this.news.reject(actor, id, body), true);
  }
}
