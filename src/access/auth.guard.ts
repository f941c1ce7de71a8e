import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '../platform/http/problem.js';
import type { Actor } from './actor.js';
import { routeAccess } from './decorators.js';
import { SessionsService } from './sessions.service.js';

export const SESSION_COOKIE = 'im_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AuthedRequest = Request & { actor?: Actor | null; sessionToken?: string; sessionKind?: 'browser' | 'api' };

/**
 * A cookie value from the raw header (no cookie middleware needed). A value that is not valid
 * percent-encoding (`im_session=%E0%A4%A`) is no cookie at all: nobody we issued a cookie to sends one.
 */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The global guard: every route is closed unless marked @Public(). It resolves the caller from a
 * bearer token (API clients) or the session cookie (browsers; unsafe methods then need the
 * session's CSRF token in `x-csrf-token` or a `_csrf` form field), then applies @Roles().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const { public: isPublic, roles } = routeAccess(ctx.getHandler(), ctx.getClass());

    await this.authenticate(req);
    if (isPublic) return true;
    if (!req.actor) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', '请先登录');
    if (roles && !roles.includes(req.actor.role)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '无权访问');
    return true;
  }

  /** Sets req.actor (null when anonymous). Runs once per request even if several guards ask. */
  async authenticate(req: AuthedRequest): Promise<void> {
    if (req.actor !== undefined) return;
    req.actor = null;
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-token', 'Authorization 头应为 "Bearer <token>"');
      const actor = await this.sessions.resolve(m[1]);
      if (!actor) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-token', '令牌无效或已过期，请重新登录');
      req.actor = actor;
      req.sessionToken = m[1];
      req.sessionKind = actor.sessionKind;
      return;
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    if (!cookie) return;
    const actor = await this.sessions.resolve(cookie);
    if (!actor) return; // an expired cookie is the same as none
    if (UNSAFE.has(req.method)) {
      const presented = req.headers['x-csrf-token'] ?? (req.body as Record<string, unknown> | undefined)?._csrf;
      if (!this.sessions.csrfValid(cookie, presented)) {
        throw new ProblemException(HttpStatus.FORBIDDEN, 'csrf', '页面已过期或请求来源无效，请刷新后重试');
      }
    }
    req.actor = actor;
    req.sessionToken = cookie;
    req.sessionKind = 'browser';
  }
}
