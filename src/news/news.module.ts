import { Global, Module } from '@nestjs/common';
import { NewsEnterpriseMerge } from './news.enterprise-merge.js';
import { DIGEST_NEWS } from '../notifications/digest-news.js';
import { allowLargerBodies } from '../platform/http/body-limits.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { NewsController } from './news.controller.js';
import { NewsQueries } from './news.queries.js';
import { NewsService } from './news.service.js';

// article bodies are capped field by field (news.schemas.ts): a 5 MB body is a 400 naming `body`, not a bare 413
for (const prefix of ['/articles', '/news/submit', '/console/news']) allowLargerBodies(prefix, '16mb');

/**
 * 招商资讯 and 投稿. Global so that the digest builder (notifications) finds DIGEST_NEWS
 * without notifications importing news (news depends on notifications, not the reverse).
 */
@Global()
@Module({
  imports: [ProjectsModule],
  controllers: [NewsController],
  providers: [NewsEnterpriseMerge, NewsService, NewsQueries, { provide: DIGEST_NEWS, useExisting: NewsQueries }],
  exports: [NewsService, NewsQueries, DIGEST_NEWS],
})
export class NewsModule {}
