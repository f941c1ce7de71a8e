import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Response } from 'express';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ApiControllers } from './api-controllers.js';
import { ASSETS_DIR, Pages } from './pages.js';
import { JoinController } from './join.controller.js';
import { PortalController } from './portal.controller.js';
import { PublicPagesController } from './public.controller.js';
import { SessionPagesController } from './session-pages.controller.js';
import { WebExceptionFilter } from './web-exception.filter.js';

/**
 * The web pages (zh-CN, server-rendered): the public site, the enterprise portal (/portal) and the
 * officers' console (/console). Static files under /assets: a request carrying the file's content
 * hash (`?v=`, as the pages link them) is cached for a year; others for five minutes.
 */
@Module({
  imports: [EnterprisesModule, ProjectsModule, PoliciesModule, MatchingModule],
  controllers: [PublicPagesController, SessionPagesController, JoinController, PortalController],
  providers: [Pages, ApiControllers, WebExceptionFilter],
})
export class WebModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pages: Pages,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return; // no HTTP server (the worker process)
    http.use(
      '/assets',
      express.static(ASSETS_DIR, {
        index: false,
        fallthrough: true,
        etag: true,
        setHeaders: (res: Response, path: string) => {
          const file = path.slice(path.lastIndexOf('/') + 1);
          const v = res.req.query.v;
          const versioned = typeof v === 'string' && v === this.pages.assetVersion(file);
          res.setHeader('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
        },
      }),
    );
  }
}
