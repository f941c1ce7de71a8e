import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip: string;
  userAgent: string;
}

const storage = new AsyncLocalStorage<RequestMeta>();

export const metaOf = (req: Request): RequestMeta => ({
  ip: (req.ip ?? '').slice(0, 64),
  userAgent: String(req.headers['user-agent'] ?? '').slice(0, 200),
});

/** The current HTTP request's origin (null outside a request, e.g. in a job). */
export const currentRequestMeta = (): RequestMeta | null => storage.getStore() ?? null;

/** Runs the rest of the request inside a context holding its IP and user agent. */
export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  storage.run(metaOf(req), next);
}
