import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { ProblemException } from '../platform/http/problem.js';
import type { Actor } from './actor.js';
import type { LoginInput } from './auth.schemas.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { RateLimits } from './rate-limits.js';
import { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const invalid = () => new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-credentials', '邮箱或密码错误');

export interface LoginMeta {
  ip: string;
  userAgent: string;
}

/** Login and logout; one mechanism (sessions) for browsers (cookie) and API clients (bearer token). */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimits,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Every outcome but a rate-limit refusal is audited (who tried which account, from where). */
  async login(input: LoginInput, kind: 'browser' | 'api', meta: LoginMeta): Promise<{ token: string; expiresAt: Date; user: User }> {
    await this.limits.consume('login-ip', meta.ip);
    await this.limits.consume('login-account', input.email);
    const user = await this.users.findForLogin(input.email);
    const failed = async (reason: string, action = 'auth.login_failed') => {
      const target = user ? { type: 'user', id: user.id, region: await this.users.regionOf(user) } : null;
      await this.audit.record(null, { actor: user ? { userId: user.id, email: user.email, role: user.role } : { userId: null, email: input.email, role: null }, action, target, detail: { reason, kind }, ip: meta });
    };
    if (!user) {
      await verifyPassword(await decoyHash(), input.password); // same work as a real check
      await failed('unknown_account');
      throw invalid();
    }
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) {
      await failed('locked');
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      throw new ProblemException(HttpStatus.LOCKED, 'account-locked', `连续登录失败次数过多，账户已临时锁定，请 ${minutes} 分钟后再试`);
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      await this.dataSource.manager.update(User, { id: user.id }, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil,
      });
      await failed('wrong_password');
      if (lock) {
        await failed(`${MAX_FAILED_LOGINS}_failures`, 'auth.locked');
        throw new ProblemException(HttpStatus.LOCKED, 'account-locked', `连续登录失败 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟`);
      }
      throw invalid();
    }
    if (!user.active) {
      await failed('disabled');
      throw new ProblemException(HttpStatus.FORBIDDEN, 'account-disabled', '账户已停用');
    }
    if (!user.emailVerifiedAt) {
      await failed('email_unverified');
      throw new ProblemException(HttpStatus.FORBIDDEN, 'email-unverified', '邮箱尚未验证，请先点击验证邮件中的链接（可在登录页重新发送验证邮件）');
    }
    await this.dataSource.manager.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await this.limits.reset('login-account', input.email);
    const session = await this.sessions.create(user.id, kind, meta);
    await this.audit.record(null, {
      actor: { userId: user.id, email: user.email, role: user.role },
      action: 'auth.login',
      target: { type: 'user', id: user.id, region: await this.users.regionOf(user) },
      detail: { kind },
      ip: meta,
    });
    return { ...session, user };
  }

  async logout(token: string, actor?: Actor | null): Promise<void> {
    await this.sessions.revoke(token);
    if (actor) {
      await this.audit.record(null, { actor, action: 'auth.logout', target: { type: 'user', id: actor.userId, region: actor.role === 'enterprise' ? null : actor.regionScope } });
    }
  }
}
