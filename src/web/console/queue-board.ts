import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { readCookie, SESSION_COOKIE, type AuthedRequest } from '../../access/auth.guard.js';
import type { SessionsService } from '../../access/sessions.service.js';
import { queueNames } from '../../platform/queue/job-definition.js';
import type { QueueService } from '../../platform/queue/queue.service.js';
import { url } from '../view/format.js';
import type { Pages } from '../pages.js';

export const QUEUE_BOARD_PATH = '/console/queues';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Bull Board's page template without its Google Fonts link (the CSP allows only our own origin,
 * and the machines may be offline) and with a same-origin referrer policy: a copy of the installed
 * @bull-board/ui index.ejs.
 */
function offlineViews(): string {
  const require = createRequire(import.meta.url);
  const ui = join(dirname(require.resolve('@bull-board/ui/package.json')), 'dist');
  const dir = mkdtempSync(join(tmpdir(), 'im-bull-board-'));
  const html = readFileSync(join(ui, 'index.ejs'), 'utf8')
    .replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, '')
    // its API calls must carry our Origin (the site-wide Referrer-Policy no-referrer would send "null")
    .replace('<head>', '<head>\n    <meta name="referrer" content="same-origin" />');
  writeFileSync(join(dir, 'index.ejs'), html);
  return dir;
}

/**
 * The queue view (Bull Board) at /console/queues, for platform admins only. It is raw Express
 * middleware, which the global AuthGuard does not see, so the session is checked here: no session
 * → the login page; not an admin → 403. Its own API calls (retry, clean…) carry no CSRF token, so
 * writes must come from our own origin (the cookie is SameSite=Lax as well). Built on first use,
 * when every module has declared its queues.
 */
export function queueBoard(deps: { sessions: SessionsService; queues: QueueService; pages: Pages }): RequestHandler {
  let router: RequestHandler | null = null;
  const build = (): RequestHandler => {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_BOARD_PATH);
    const names = queueNames().sort();
    createBullBoard({
      queues: names.map((n) => new BullMQAdapter(deps.queues.queue(n))),
      serverAdapter: adapter as never,
      options: { uiConfig: { boardTitle: '任务队列', locale: { lng: 'zh-CN' } } as never },
    });
    adapter.setViewsPath(offlineViews());
    return adapter.getRouter() as RequestHandler;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const r = req as AuthedRequest;
    const token = readCookie(req, SESSION_COOKIE);
    (token ? deps.sessions.resolve(token) : Promise.resolve(null))
      .then((actor) => {
        r.actor = actor;
        if (!actor) {
          if (req.method === 'GET') return res.redirect(303, url('/login', { next: req.originalUrl }));
          return refuse(r, res, 401, '请先登录');
        }
        if (actor.role !== 'admin') return refuse(r, res, 403, '只有平台管理员可以查看任务队列');
        if (UNSAFE.has(req.method) && !sameOrigin(req)) return refuse(r, res, 403, '请求来源无效');
        router ??= build();
        router(req, res, next);
      })
      .catch(next);
  };

  function refuse(req: AuthedRequest, res: Response, status: number, detail: string) {
    deps.pages.send(
      req,
      res,
      'errors/error',
      {
        status,
        heading: status === 401 ? '请先登录' : '无权访问',
        detail,
        fieldErrors: [],
        loginLink: status === 401 ? '/login' : null,
        retry: null,
      },
      { title: '无权访问', status },
    );
  }
}

function sameOrigin(req: Request): boolean {
  const source = req.get('origin') ?? req.get('referer');
  if (!source) return false;
  try {
    return new URL(source).host === req.get('host');
  } catch {
    return false;
  }
}
