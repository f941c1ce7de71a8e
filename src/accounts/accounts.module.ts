import { Global, Module } from '@nestjs/common';
import { AccountsEnterpriseMerge } from './accounts.enterprise-merge.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AdminController, AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { BureauController } from './bureau.controller.js';
import { StaffQueries } from './staff.queries.js';
import { UsersService } from './users.service.js';
import { LegalDocumentsService } from './legal-documents.service.js';
import { EnterpriseClaimsService } from './enterprise-claims.service.js';
import { UserAdminService } from './user-admin.service.js';

/**
 * Who may sign in: sign-up (an enterprise and its first user), e-mail verification, login and
 * logout, password reset and change, invitations, admin and bureau-lead user management, bureaus.
 * Sessions, the guard and AccessPolicy are access/'s (the kernel this module builds on).
 */
@Global()
@Module({
  imports: [EnterprisesModule],
  controllers: [AuthController, AccountsController, AdminController, BureauController],
  providers: [
    AccountsEnterpriseMerge,
    AuthService,
    AccountsService,
    AccountTokensService,
    UsersService,
    UserAdminService,
    StaffQueries,
    LegalDocumentsService,
    EnterpriseClaimsService,
  ],
  exports: [AuthService, AccountsService, UsersService, UserAdminService, StaffQueries, LegalDocumentsService, EnterpriseClaimsService],
})
export class AccountsModule {}
