import { Catch, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { homeOf } from './page-params.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { ProblemFilter } from '../platform/http/problem.filter.js';
import { movedLocation } from '../platform/http/problem.js';
import { redactUrl } from '../platform/logging/redact.js';
import { url } from './view/format.js';
import { Pages } from './pages.js';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  409: '操作冲突',
  413: '提交的内容过大',
  423: '账户已锁定',
  429: '操作过于频繁',
  500: '服务器出错了',
  503: '服务暂不可用',
};

/** The referring page's path when it is one of ours (for "back" links), else null. */
export function sameOriginPath(req: AuthedRequest): string | null {
  const referer = req.get('referer');
  if (!referer) return null;
  try {
    const u = new URL(referer);
    return u.host === req.get('host') ? u.pathname + u.search : null;
  } catch {
    return null;
  }
}

/**
 * Errors on pages become pages (the JSON API keeps its problem documents): an anonymous visitor
 * of a closed page is sent to the login page and back; a refused CSRF token, a missing object or
 * a forbidden action is explained in Chinese with the same status the API would answer.
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('WebPages');
  private readonly problems = new ProblemFilter();

  constructor(private readonly pages: Pages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AuthedRequest>();
    const res = ctx.getResponse<Response>();
    const problem = this.problems.toProblem(exception, req.originalUrl);
    if (problem.status >= 500) this.log.error({ err: exception, url: redactUrl(req.originalUrl) }, 'page failed');
    if (res.headersSent) return;
    const moved = movedLocation(req.originalUrl, problem as typeof problem & { movedFrom?: unknown; movedTo?: unknown });
    if (moved) {
      res.redirect(req.method === 'GET' ? 301 : 308, moved);
      return;
    }
    if (problem.status === 401 && req.method === 'GET') {
      res.redirect(303, url('/login', { next: req.originalUrl }));
      return;
    }
    const csrf = problem.type.endsWith(':csrf');
    try {
      this.pages.send(
        req,
        res,
        'errors/error',
        {
          status: problem.status,
          heading: csrf ? '页面已过期' : (TITLES[problem.status] ?? problem.title),
          detail: problem.status >= 500 ? '请稍后再试；如果问题持续，请联系平台管理员。' : problem.detail,
          fieldErrors: problem.errors ?? [],
          loginLink: problem.status === 401 ? url('/login', { next: sameOriginPath(req) ?? undefined }) : null,
          retry: csrf ? sameOriginPath(req) : null,
          home: req.actor ? homeOf(req.actor) : null,
        },
        { status: problem.status, title: csrf ? '页面已过期' : (TITLES[problem.status] ?? problem.title) },
      );
    } catch (err) {
      this.log.error({ err, url: redactUrl(req.originalUrl) }, 'error page failed');
      res
        .status(problem.status)
        .type('text/plain; charset=utf-8')
        .send(problem.detail ?? problem.title);
    }
  }
}
