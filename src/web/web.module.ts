import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Response } from 'express';
import { SessionsService } from '../auth/sessions.service.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ApiControllers } from './api-controllers.js';
import { ConsoleAdminController } from './console/console-admin.controller.js';
import { ConsoleEnterprisesController } from './console/console-enterprises.controller.js';
import { ConsoleHomeController } from './console/console-home.controller.js';
import { ConsoleNotificationsController } from './console/console-notifications.controller.js';
import { ConsolePoliciesController } from './console/console-policies.controller.js';
import { ConsoleProjectsController } from './console/console-projects.controller.js';
import { QUEUE_BOARD_PATH, queueBoard } from './console/queue-board.js';
import { JoinController } from './join.controller.js';
import { ASSETS_DIR, Pages } from './pages.js';
import { PortalController } from './portal.controller.js';
import { PublicPagesController } from './public.controller.js';
import { SessionPagesController } from './session-pages.controller.js';
import { WebExceptionFilter } from './web-exception.filter.js';

/**
 * The web pages (zh-CN, server-rendered): the public site, the enterprise portal (/portal) and the
 * officers' console (/console), plus Bull Board for admins at /console/queues. Static files under
 * /assets: a request carrying the file's content hash (`?v=`, as the pages link them) is cached for
 * a year; others for five minutes.
 */
@Module({
  imports: [EnterprisesModule, ProjectsModule, PoliciesModule, MatchingModule, NotificationsModule],
  controllers: [
    PublicPagesController,
    SessionPagesController,
    JoinController,
    PortalController,
    ConsoleHomeController,
    ConsoleProjectsController,
    ConsolePoliciesController,
    ConsoleEnterprisesController,
    ConsoleNotificationsController,
    ConsoleAdminController,
  ],
  providers: [Pages, ApiControllers, WebExceptionFilter],
})
export class WebModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pages: Pages,
    private readonly sessions: SessionsService,
    private readonly queues: QueueService,
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
    http.use(QUEUE_BOARD_PATH, queueBoard({ sessions: this.sessions, queues: this.queues, pages: this.pages }));
  }
}
