import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ROUTE_ACCESS, type RouteAccessDescriber } from '../platform/http/openapi.js';
import { AccessPolicy } from './access-policy.js';
import { AuthGuard, SESSION_COOKIE } from './auth.guard.js';
import { routeAccess } from './decorators.js';
import { RateLimits } from './rate-limits.js';
import { SessionsService } from './sessions.service.js';

/**
 * The security kernel every module uses: the actor, the global guard (401/403 by role), sessions,
 * AccessPolicy (object level, by region and enterprise), the region-scope rules and rate limits.
 * It knows no other domain module: accounts (sign-up, login, users) build on it, never the reverse.
 */
@Global()
@Module({
  providers: [
    AccessPolicy,
    SessionsService,
    RateLimits,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: ROUTE_ACCESS, useValue: { cookieName: SESSION_COOKIE, describe: routeAccess } satisfies RouteAccessDescriber },
  ],
  exports: [AccessPolicy, SessionsService, RateLimits, AuthGuard],
})
export class AccessModule {}
