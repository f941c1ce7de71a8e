import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/request-context.js';
import type { Enterprise } from '../enterprises/enterprise.entity.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Clock } from '../platform/clock/clock.js';
import { ProblemException, underField, validationFailed } from '../platform/http/problem.js';
import { AccountTokensService, TOKEN_LIFETIME_MS } from './account-tokens.service.js';
import { ROLES, type Actor } from '../access/actor.js';
import type { ChangePasswordInput, ResetPasswordInput, SignupInput } from './accounts.schemas.js';
import { Bureau } from './bureau.entity.js';
import { inviteTemplate, passwordResetTemplate, verifyEmailTemplate } from './mail/account.templates.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { loginFailKey, RateLimits } from '../access/rate-limits.js';
import { SessionsService, sha256 } from '../access/sessions.service.js';
import { User } from './user.entity.js';
import { LegalDocumentsService } from './legal-documents.service.js';
import type { Consent } from './users.service.js';
import { UsersService } from './users.service.js';

/** Where the e-mailed links lead (pages of this API; see AccountsController). */
export const ACCOUNT_LINKS = {
  verifyEmail: (token: string) => `/auth/verify-email?token=${encodeURIComponent(token)}`,
  resetPassword: (token: string) => `/auth/reset-password?token=${encodeURIComponent(token)}`,
};

/**
 * Account mail goes to the bare address, not `{ userId }`: the message row then belongs to no
 * region (region_path '{}'), so no officer listing their region's notifications can read a
 * colleague's or an enterprise's reset link; only admins see such rows.
 */
const mailbox = (u: User) => ({ email: u.email, name: u.name });

const asAuditActor = (u: User) => ({ userId: u.id, email: u.email, role: u.role });

const invalidToken = () =>
  validationFailed(
    [{ field: 'token', code: 'invalid_or_expired', message: '链接无效、已使用或已过期，请重新申请' }],
    '链接无效、已使用或已过期',
  );

const hours = (purpose: keyof typeof TOKEN_LIFETIME_MS) => {
  const h = TOKEN_LIFETIME_MS[purpose] / 3600_000;
  return h >= 48 && h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`;
};

/**
 * Self-service accounts: enterprise sign-up (企业入驻 + the first account, one transaction),
 * e-mail verification, password reset and invitations by single-use e-mailed links, password
 * change. Every step is audited; the e-mails go through the notification outbox in the same
 * transaction, so a rolled-back sign-up sends nothing.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly enterprises: EnterprisesService,
    private readonly tokens: AccountTokensService,
    private readonly notifications: NotificationsService,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly legal: LegalDocumentsService,
  ) {}

  async signup(input: SignupInput, meta: RequestMeta): Promise<{ user: User; enterprise: Enterprise }> {
    await this.limits.consume('signup-ip', meta.ip);
    return this.dataSource.transaction(async (m) => {
      const consent = await this.checkConsent(input.consent, m);
      const enterprise = await this.enterprises.register(input.enterprise, m).catch((err: unknown) => {
        throw underField(err, 'enterprise');
      });
      const user = await this.users.createUser(
        { email: input.email, name: input.name, role: 'enterprise', password: input.password, bureauId: null, enterpriseId: enterprise.id },
        m,
        { emailVerified: false, consent },
      );
      await this.sendVerification(m, user);
      await this.audit.record(m, {
        actor: asAuditActor(user),
        action: 'auth.signup',
        target: { type: 'enterprise', id: enterprise.id, region: enterprise.homeRegionCode },
        detail: { userId: user.id, uscc: enterprise.uscc, name: enterprise.name },
        ip: meta,
      });
      return { user, enterprise };
    });
  }

  /** The consent as sent, if it names the versions in force now; a stale one is refused (the text changed meanwhile). */
  async checkConsent(consent: SignupInput['consent'], m: EntityManager): Promise<Consent | null> {
    if (!consent) return null;
    const now = await this.legal.currentVersions(m);
    if (consent.termsVersion !== now.terms || consent.privacyVersion !== now.privacy)
      throw validationFailed(
        [{ field: 'consent', code: 'stale', message: '用户协议或隐私政策已更新，请阅读新版本后重新勾选同意' }],
        '协议版本已更新',
      );
    return consent;
  }

  /** The verification link to a new account (sign-up, or a granted 认领). */
  async sendVerification(m: EntityManager, user: User): Promise<void> {
    const t = await this.tokens.issue(m, user.id, 'verify_email');
    await this.notifications.enqueue(m, {
      template: verifyEmailTemplate,
      recipient: mailbox(user),
      data: { path: ACCOUNT_LINKS.verifyEmail(t.token), validFor: hours('verify_email') },
      dedupeKey: `account-token:${t.id}`,
      category: 'transactional',
    });
  }

  /** Uses a verification link; the account may log in afterwards. */
  async verifyEmail(token: string, meta: RequestMeta): Promise<User> {
    await this.limits.consume('token-ip', meta.ip);
    return this.dataSource.transaction(async (m) => {
      const used = await this.tokens.consume(m, token, ['verify_email']);
      if (!used) throw invalidToken();
      const user = await this.users.get(used.userId, m);
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = this.clock.now();
        await m.update(User, { id: user.id }, { emailVerifiedAt: user.emailVerifiedAt });
        // what waited for the address to be verified goes out now (match mail: the next digest pass)
        await this.notifications.releaseHeld(m, { userId: user.id, email: user.email });
      }
      await this.audit.record(m, {
        actor: asAuditActor(user),
        action: 'auth.email_verified',
        target: { type: 'user', id: user.id, region: await this.users.regionOf(user, m) },
        ip: meta,
      });
      return user;
    });
  }

  /** Sends the verification link again. Same answer whether or not the address has an account. */
  async resendVerification(email: string, meta: RequestMeta): Promise<void> {
    await this.limits.consume('reset-ip', meta.ip);
    await this.limits.consume('mail-account', email);
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { email } });
      if (user && user.active && !user.emailVerifiedAt) await this.sendVerification(m, user);
    });
  }

  /** Sends a password-reset link to an active account. Same answer whether or not the address has one. */
  async forgotPassword(email: string, meta: RequestMeta): Promise<void> {
    await this.limits.consume('reset-ip', meta.ip);
    await this.limits.consume('mail-account', email);
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { email } });
      const target = user ? { type: 'user', id: user.id, region: await this.users.regionOf(user, m) } : null;
      await this.audit.record(m, {
        actor: null,
        action: 'auth.password_reset_requested',
        target,
        detail: { email, known: !!user?.active },
        ip: meta,
      });
      if (!user?.active) return;
      const t = await this.tokens.issue(m, user.id, 'reset_password');
      await this.notifications.enqueue(m, {
        template: passwordResetTemplate,
        recipient: mailbox(user),
        data: { path: ACCOUNT_LINKS.resetPassword(t.token), validFor: hours('reset_password') },
        dedupeKey: `account-token:${t.id}`,
        category: 'transactional',
      });
    });
  }

  /** Whether a reset/invitation link is still good (for showing its form). */
  async tokenUsable(token: string): Promise<boolean> {
    return !!(await this.tokens.peek(this.dataSource.manager, token, ['reset_password', 'invite']));
  }

  /**
   * Sets a new password through a reset or invitation link: clears the failed-login counts, marks the address
   * verified (the link proved it), ends every session and voids the other links.
   */
  async resetPassword(input: ResetPasswordInput, meta: RequestMeta): Promise<User> {
    await this.limits.consume('token-ip', meta.ip);
    const hash = await hashPassword(input.password);
    const user = await this.dataSource.transaction(async (m) => {
      const used = await this.tokens.consume(m, input.token, ['reset_password', 'invite']);
      if (!used) throw invalidToken();
      const user = await this.users.get(used.userId, m);
      if (!user.active) throw invalidToken();
      const now = this.clock.now();
      await m.update(User, { id: user.id }, { passwordHash: hash, emailVerifiedAt: user.emailVerifiedAt ?? now });
      if (!user.emailVerifiedAt) await this.notifications.releaseHeld(m, { userId: user.id, email: user.email });
      await this.tokens.voidAll(m, user.id, ['reset_password', 'invite']);
      await this.sessions.revokeAll(user.id, m);
      await this.audit.record(m, {
        actor: asAuditActor(user),
        action: used.purpose === 'invite' ? 'auth.password_set' : 'auth.password_reset',
        target: { type: 'user', id: user.id, region: await this.users.regionOf(user, m) },
        ip: meta,
      });
      return user;
    });
    // the owner proved the address: strangers' failed guesses no longer slow them down
    await this.limits.reset('login-fail-account', user.email);
    await this.limits.reset('login-fail', loginFailKey(user.email, meta.ip));
    return user;
  }

  /** A signed-in user changes their password; their other sessions end. */
  async changePassword(actor: Actor, input: ChangePasswordInput, currentSession: string | undefined): Promise<void> {
    const user = await this.users.findForLogin(actor.email);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw validationFailed([{ field: 'currentPassword', code: 'wrong_password', message: '当前密码不正确' }]);
    }
    const hash = await hashPassword(input.newPassword);
    await this.audit.within(async (m) => {
      await m.update(User, { id: user.id }, { passwordHash: hash });
      await m.query('DELETE FROM session WHERE user_id = $1 AND token_hash <> $2', [user.id, currentSession ? sha256(currentSession) : '']);
      await this.tokens.voidAll(m, user.id, ['reset_password']);
      return {
        result: undefined,
        audit: {
          actor,
          action: 'auth.password_changed',
          target: { type: 'user', id: user.id, region: await this.users.regionOf(user, m) },
        },
      };
    });
  }

  /** Sends an invitation (set-your-password link) to a user created without a password. */
  async invite(m: EntityManager, user: User, invitedBy: Actor): Promise<void> {
    if (!user.active) throw new ProblemException(HttpStatus.CONFLICT, 'user-inactive', '账户已停用，不能发送邀请');
    const bureau = user.bureauId ? await m.findOne(Bureau, { where: { id: user.bureauId } }) : null;
    const t = await this.tokens.issue(m, user.id, 'invite');
    await this.notifications.enqueue(m, {
      template: inviteTemplate,
      recipient: mailbox(user),
      data: {
        path: ACCOUNT_LINKS.resetPassword(t.token),
        validFor: hours('invite'),
        bureauName: bureau?.name ?? null,
        roleLabel: ROLES[user.role],
        invitedBy: invitedBy.name,
      },
      dedupeKey: `account-token:${t.id}`,
      category: 'transactional',
    });
  }
}
