import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, switchMap, type Observable } from 'rxjs';
import type { AuthedRequest } from '../access/auth.guard.js';
import { InboxService } from '../notifications/inbox.service.js';

/** What @ApiExcludeController() stores: the page controllers are the ones excluded from the API document. */
const API_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

export type PageRequest = AuthedRequest & { inboxUnread?: number };

/**
 * The header's 消息 badge: before a page handler runs for a signed-in user, the unread count (one
 * index-only count, capped) is put on the request for the layout. API routes are left alone.
 */
@Injectable()
export class InboxBadgeInterceptor implements NestInterceptor {
  constructor(
    private readonly inbox: InboxService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<PageRequest>();
    const page = this.reflector.get<unknown>(API_EXCLUDE_CONTROLLER, ctx.getClass());
    if (!page || !req.actor || req.method !== 'GET') return next.handle();
    return from(this.inbox.unreadCount(req.actor.userId).catch(() => undefined)).pipe(
      switchMap((n) => {
        req.inboxUnread = n;
        return next.handle();
      }),
    );
  }
}
