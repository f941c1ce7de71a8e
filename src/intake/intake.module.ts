import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MulterModule } from '@nestjs/platform-express';
import { PoliciesModule } from '../policies/policies.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { IntakeController } from './intake.controller.js';
import { IntakeProcessor } from './intake.processor.js';
import { IntakeQueries } from './intake.queries.js';
import { IntakeService } from './intake.service.js';

/** Uploads larger than this are refused with 413 (a 政府工作报告 as PDF is a few MB). */
export const INTAKE_MAX_BYTES = 20 * 1024 * 1024;

/** Policy-document intake: upload, extraction job, drafts with evidence, review (采用/忽略). */
@Module({
  imports: [MulterModule.register({ limits: { fileSize: INTAKE_MAX_BYTES, files: 1 } }), ProjectsModule, PoliciesModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeQueries, IntakeProcessor],
  exports: [IntakeService, IntakeQueries],
})
export class IntakeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(refuseOversizedUpload).forRoutes({ path: 'intake/documents', method: RequestMethod.POST });
  }
}

/**
 * A declared body larger than the limit is answered 413 before anything parses it — after reading the body
 * to its end, so the client sees the answer instead of a connection reset mid-upload.
 */
export function refuseOversizedUpload(req: Request, res: Response, next: NextFunction): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > INTAKE_MAX_BYTES + 64 * 1024)) return next();
  const message = `文件过大（上限 ${INTAKE_MAX_BYTES / 1024 / 1024} MB）`;
  req.on('end', () => {
    res
      .status(413)
      .type('application/problem+json')
      .send({
        type: 'urn:investmatch:problem:payload-too-large',
        title: '请求体过大',
        status: 413,
        detail: message,
        errors: [{ field: 'file', code: 'too_large', message }],
      });
  });
  req.resume();
}
