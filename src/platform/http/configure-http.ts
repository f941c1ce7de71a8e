import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';
import { nulFieldErrors } from '../validation/zod-validation.js';
import { validationFailed } from './problem.js';
import { completeDocument, ResponseSchemaInterceptor } from './openapi.js';
import { ProblemFilter } from './problem.filter.js';
import { largerBodyRoutes } from './body-limits.js';

const API_DESCRIPTION = `InvestMatch 招商撮合 — investment-lead matchmaking for regional investment-promotion bureaus.

* Money is whole **yuan** (integers, never floats); pages show 万元/亿元. Land is in 亩.
* Region codes are GB/T 2260 (6 digits), industry codes GB/T 4754-2017 (C, C13, C135, C1351); a
  filter on a code includes its whole subtree.
* Lists are paged: \`page\`, \`pageSize\` (≤ 100); answers are \`{items, total, page, pageSize}\`.
* Errors are RFC 9457 problem documents (\`application/problem+json\`) with \`errors: [{field, code, message}]\`.`;

/** HTTP concerns shared by the real server and the tests: body parsing, errors, headers, docs. */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const express_ = app as NestExpressApplication;
  express_.set('trust proxy', 'loopback');
  express_.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
      hsts: config.PUBLIC_BASE_URL.startsWith('https:'),
    }),
  );
  for (const [prefix, limit] of largerBodyRoutes()) {
    app.use(prefix, express.json({ limit, strict: true }), express.urlencoded({ extended: false, limit }));
  }
  app.use(express.json({ limit: '1mb', strict: true }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  // body-parser failures (malformed JSON, too large) become problem documents too
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const body = new ProblemFilter().toProblem(err, req.originalUrl);
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  });
  // U+0000 anywhere in the query or body is a 400 naming the field, whichever handler would read it
  app.use((req: Request, res: Response, next: NextFunction) => {
    const errors = [...nulFieldErrors(req.query), ...nulFieldErrors(req.body)];
    if (!errors.length) return next();
    const body = validationFailed(errors).body(req.originalUrl);
    res.status(400).type('application/problem+json').send(JSON.stringify(body));
  });
  app.useGlobalFilters(new ProblemFilter());
  // tests: every documented JSON answer is parsed with its schema before it leaves (drift is a 500)
  if (config.NODE_ENV === 'test') app.useGlobalInterceptors(new ResponseSchemaInterceptor());
  app.enableShutdownHooks();

  const doc = completeDocument(
    app,
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('InvestMatch 招商撮合 API')
        .setDescription(API_DESCRIPTION)
        .setVersion('1.0')
        .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
        .addServer('/', 'this server')
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json', customSiteTitle: 'InvestMatch API' });
}
