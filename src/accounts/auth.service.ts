import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { ProblemException } from '../platform/http/problem.js';
import type { Actor } from '../access/actor.js';
import type { LoginInput } from './accounts.schemas.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { loginFailKey, RateLimits } from '../access/rate-limits.js';
import { SessionsService } from '../access/sessions.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

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

  /**
   * Every outcome but a rate-limit refusal is audited (who tried which account, from where).
   *
   * Failures slow whoever makes them and nobody else: 5 wrong passwords per 15 minutes for one
   * address from one client (then 429 until the window passes), counted by the address as typed,
   * so a real account and an unknown one answer alike. Past 50 failures an hour on one address
   * from everywhere (a distributed guess), only clients the account has signed in from before
   * still get through; the owner's reset link always works and clears the count. Nothing locks
   * the account itself, so no stranger can lock its owner out.
   */
  async login(input: LoginInput, kind: 'browser' | 'api', meta: LoginMeta): Promise<{ token: string; expiresAt: Date; user: User }> {
    await this.limits.consume('login-ip', meta.ip);
    const pairKey = loginFailKey(input.email, meta.ip);
    const throttled = (await this.limits.exhausted('login-fail', pairKey)) ?? (await this.accountThrottle(input.email, meta.ip));
    if (throttled) throw throttled;
    const user = await this.users.findForLogin(input.email);
    const failed = async (reason: string, action = 'auth.login_failed') => {
      const target = user ? { type: 'user', id: user.id, region: await this.users.regionOf(user) } : null;
      await this.audit.record(null, {
        actor: user ? { userId: user.id, email: user.email, role: user.role } : { userId: null, email: input.email, role: null },
        action,
        target,
        detail: { reason, kind },
        ip: meta,
      });
    };
    const wrong = async (reason: string) => {
      await this.limits.record('login-fail', pairKey);
      await this.limits.record('login-fail-account', input.email);
      await failed(reason);
      return invalid();
    };
    if (!user) {
      await verifyPassword(await decoyHash(), input.password); // same work as a real check
      throw await wrong('unknown_account');
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) throw await wrong('wrong_password');
    if (!user.active) {
      await failed('disabled');
      throw new ProblemException(HttpStatus.FORBIDDEN, 'account-disabled', '账户已停用');
    }
    if (!user.emailVerifiedAt) {
      await failed('email_unverified');
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'email-unverified',
        '邮箱尚未验证，请先点击验证邮件中的链接（可在登录页重新发送验证邮件）',
      );
    }
    await this.dataSource.manager.update(User, { id: user.id }, { lastLoginAt: this.clock.now() });
    await this.limits.reset('login-fail', pairKey);
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

  /** Past the account-wide budget, a client the account never signed in from is refused (429, as above). */
  private async accountThrottle(email: string, ip: string): Promise<ProblemException | null> {
    const spent = await this.limits.exhausted('login-fail-account', email);
    if (!spent) return null;
    const known: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1 AND s.ip = $2 LIMIT 1`,
      [email, ip.slice(0, 64)],
    );
    return known.length ? null : spent;
  }

  async logout(token: string, actor?: Actor | null): Promise<void> {
    await this.sessions.revoke(token);
    if (actor) {
      await this.audit.record(null, {
        actor,
        action: 'auth.logout',
        target: { type: 'user', id: actor.userId, region: actor.role === 'enterprise' ? null : actor.regionScope },
      });
    }
  }
}
