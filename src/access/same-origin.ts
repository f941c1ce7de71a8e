import { HttpStatus, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '../platform/http/problem.js';

/**
 * Anonymous posts that set a session cookie or send mail to an address the caller names (login,
 * sign-up, password reset, verification again) carry no session CSRF token; a browser posting
 * them from another site is refused by its Origin (or Referer) header instead, so a foreign page
 * cannot log a visitor into an attacker's account or make us mail someone. Our pages set a
 * same-origin referrer policy, so their posts carry our Origin; a cross-site post carries the
 * other site's origin or "null" (a sandboxed or no-referrer page) — both refused. Clients that
 * send neither header are not browsers acting for a visitor (rate limits still apply).
 * The one check behind the pages (`POST /login`, `/join`, …) and the API routes (`/auth/login`, …).
 */
export function assertSameOrigin(req: Request): void {
  const source = req.get('origin') ?? req.get('referer');
  if (source === undefined) return; // non-browser clients; rate limits still apply
  let host: string | null = null;
  try {
    host = new URL(source).host;
  } catch {
    host = null; // "null" and anything else that is not a URL
  }
  if (host !== req.get('host')) throw new ProblemException(HttpStatus.FORBIDDEN, 'csrf', '请求来源无效，请从本站页面提交');
}

@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() === 'http') assertSameOrigin(ctx.switchToHttp().getRequest<Request>());
    return true;
  }
}

/** Refuses the route to posts from other sites (see {@link assertSameOrigin}); runs before the body is read. */
export const SameOriginOnly = () => UseGuards(SameOriginGuard);
