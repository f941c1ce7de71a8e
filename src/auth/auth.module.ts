import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access.js';
import { AdminController, AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { RateLimits } from './rate-limits.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

@Global()
@Module({
  controllers: [AuthController, AdminController],
  providers: [AccessPolicy, AuthService, SessionsService, UsersService, RateLimits, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [AccessPolicy, AuthService, SessionsService, UsersService, RateLimits, AuthGuard],
})
export class AuthModule {}
