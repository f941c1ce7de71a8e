import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AgreementsModule } from '../agreements/agreements.module.js';
import { SessionsService } from '../access/sessions.service.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { ImportsModule } from '../imports/imports.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { MatchingModule } from '../matching/matching.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ConsoleAgreementsController } from './console/console-agreements.controller.js';
import { ChainsModule } from '../chains/chains.module.js';
import { ConsoleAdminController } from './console/console-admin.controller.js';
import { ConsoleBureauController } from './console/console-bureau.controller.js';
import { ConsoleChainsController } from './console/console-chains.controller.js';
import { ConsoleDuplicatesController } from './console/console-duplicates.controller.js';
import { ConsoleClaimsController } from './console/console-claims.controller.js';
import { ConsoleEnterprisesController } from './console/console-enterprises.controller.js';
import { ConsoleHomeController } from './console/console-home.controller.js';
import { ConsoleImportsController, importUploadMiddleware } from './console/console-imports.controller.js';
import { ConsoleIntakeController } from './console/console-intake.controller.js';
import { IntakeModule, INTAKE_MAX_BYTES } from '../intake/intake.module.js';
import { EVIDENCE_MAX_BYTES } from '../enterprises/enterprises.service.js';
import { ConsoleLeadsController } from './console/console-leads.controller.js';
import { ConsoleNewsController } from './console/console-news.controller.js';
import { ConsoleNotificationsController } from './console/console-notifications.controller.js';
import { ConsolePoliciesController } from './console/console-policies.controller.js';
import { ConsoleProjectsController } from './console/console-projects.controller.js';
import { QUEUE_BOARD_PATH, queueBoard } from './console/queue-board.js';
import { JoinController } from './join.controller.js';
import { NewsPagesController } from './news-pages.controller.js';
import { ASSETS_DIR, Pages } from './pages.js';
import { PortalAgreementsController } from './portal-agreements.controller.js';
import { PortalController } from './portal.controller.js';
import { PublicPagesController } from './public.controller.js';
import { SessionPagesController } from './session-pages.controller.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { InboxBadgeInterceptor } from './inbox-badge.interceptor.js';
import { MessagesPagesController } from './messages-pages.controller.js';

/**
 * The web pages (zh-CN, server-rendered): the public site, the enterprise portal (/portal) and the
 * officers' console (/console), plus Bull Board for admins at /console/queues. Static files under
 * /assets: a request carrying the file's content hash (`?v=`, as the pages link them) is cached for
 * a year; others for five minutes.
 */
@Module({
  imports: [
    EnterprisesModule,
    ProjectsModule,
    PoliciesModule,
    MatchingModule,
    NotificationsModule,
    LeadsModule,
    ImportsModule,
    IntakeModule,
    AgreementsModule,
    ChainsModule,
  ],
  controllers: [
    PublicPagesController,
    NewsPagesController,
    SessionPagesController,
    JoinController,
    PortalController,
    PortalAgreementsController,
    ConsoleHomeController,
    ConsoleLeadsController,
    ConsoleAgreementsController,
    ConsoleImportsController,
    ConsoleIntakeController,
    ConsoleProjectsController,
    ConsolePoliciesController,
    ConsoleDuplicatesController, // before the enterprise pages: /console/enterprises/duplicates is no id
    ConsoleClaimsController, // likewise /console/enterprises/claims
    ConsoleEnterprisesController,
    ConsoleNotificationsController,
    ConsoleNewsController,
    ConsoleChainsController,
    ConsoleAdminController,
    ConsoleBureauController,
    MessagesPagesController,
  ],
  providers: [Pages, WebExceptionFilter, { provide: APP_INTERCEPTOR, useClass: InboxBadgeInterceptor }],
})
export class WebModule implements OnModuleInit, NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pages: Pages,
    private readonly sessions: SessionsService,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The import form is multipart: parsed before the guard, which then finds its `_csrf` field. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(importUploadMiddleware(this.config.IMPORT_MAX_BYTES, this.pages))
      .forRoutes({ path: 'console/import', method: RequestMethod.POST });
    consumer.apply(importUploadMiddleware(INTAKE_MAX_BYTES, this.pages)).forRoutes({ path: 'console/intake', method: RequestMethod.POST });
    consumer
      .apply(importUploadMiddleware(2 * EVIDENCE_MAX_BYTES, this.pages))
      .forRoutes({ path: 'portal/certifications/:kind/evidence', method: RequestMethod.POST });
  }

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
    // browsers ask for /favicon.ico on pages without an icon link (e.g. the e-mailed link pages)
    http.use('/favicon.ico', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type('image/svg+xml').sendFile(`${ASSETS_DIR}favicon.svg`);
    });
    http.use(QUEUE_BOARD_PATH, queueBoard({ sessions: this.sessions, queues: this.queues, pages: this.pages }));
  }
}
