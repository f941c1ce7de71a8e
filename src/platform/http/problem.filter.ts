import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EntityNotFoundError } from 'typeorm';
import { redactUrl } from '../logging/redact.js';
import { movedLocation, ProblemException, statusTitle, type ProblemBody } from './problem.js';

/** Turns every error into an RFC 9457 problem document; unexpected ones are logged and hidden. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (!res || typeof res.status !== 'function') throw exception; // not an HTTP context
    const body = this.toProblem(exception, req?.originalUrl);
    if (body.status >= 500) this.log.error({ err: exception, url: redactUrl(req?.originalUrl ?? '') }, 'unhandled error');
    if (res.headersSent) return;
    const location = movedLocation(req?.originalUrl ?? '', body as ProblemBody & { movedFrom?: unknown; movedTo?: unknown });
    if (location) res.setHeader('Location', location);
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  toProblem(exception: unknown, instance?: string): ProblemBody {
    if (exception instanceof ProblemException) return exception.body(instance);
    if (exception instanceof EntityNotFoundError) {
      return new ProblemException(404, 'not-found', '资源不存在').body(instance);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { type: `urn:investmatch:problem:http-${status}`, title: statusTitle(status), status, detail: String(detail), instance };
    }
    // body-parser and other middleware errors carry an HTTP status of their own
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const detail =
        e.type === 'entity.parse.failed'
          ? '请求体不是合法的 JSON'
          : e.type === 'entity.too.large'
            ? '请求体过大'
            : (e.message ?? statusTitle(status));
      return { type: `urn:investmatch:problem:${e.type ?? `http-${status}`}`, title: statusTitle(status), status, detail, instance };
    }
    return { type: 'urn:investmatch:problem:internal', title: statusTitle(500), status: 500, detail: '服务器内部错误', instance };
  }
}
