import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { AccessPolicy } from './access.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AdminController, AuthController } from './auth.controller.js';
import { ROUTE_ACCESS, type RouteAccessDescriber } from '../platform/http/openapi.js';
import { AuthGuard, SESSION_COOKIE } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { BureauController } from './bureau.controller.js';
import { routeAccess } from './decorators.js';
import { RateLimits } from './rate-limits.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';
import { UserAdminService } from './user-admin.service.js';

/**
 * Accounts and the security boundary: the global guard (401/403 by role), AccessPolicy (object
 * level, by region and enterprise), sessions, sign-up, verification, password reset, invitations,
 * admin and bureau-lead user management.
 */
@Global()
@Module({
  imports: [EnterprisesModule],
  controllers: [AuthController, AccountsController, AdminController, BureauController],
  providers: [
    AccessPolicy,
    AuthService,
    AccountsService,
    AccountTokensService,
    SessionsService,
    UsersService,
    UserAdminService,
    RateLimits,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: ROUTE_ACCESS, useValue: { cookieName: SESSION_COOKIE, describe: routeAccess } satisfies RouteAccessDescriber },
  ],
  exports: [AccessPolicy, AuthService, AccountsService, SessionsService, UsersService, UserAdminService, RateLimits, AuthGuard],
})
export class AuthModule {}
