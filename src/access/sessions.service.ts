import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { Actor, Role } from './actor.js';
import { Session } from './session.entity.js';

const DAY = 24 * 3600_000;
/** Browser sessions slide: a week after last use, never beyond 30 days. API tokens last 30 days. */
const IDLE = { browser: 7 * DAY, api: 30 * DAY };
const ABSOLUTE = 30 * DAY;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface SessionRow {
  session_id: number;
  kind: 'browser' | 'api';
  created_at: Date;
  last_seen_at: Date;
  user_id: number;
  role: Role;
  email: string;
  name: string;
  bureau_id: number | null;
  region_code: string | null;
  enterprise_id: number | null;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(userId: number, kind: 'browser' | 'api', meta: { ip?: string; userAgent?: string } = {}, manager?: EntityManager) {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + IDLE[kind]);
    await (manager ?? this.dataSource.manager).insert(Session, {
      tokenHash: sha256(token),
      userId,
      kind,
      lastSeenAt: now,
      expiresAt,
      ip: (meta.ip ?? '').slice(0, 64),
      userAgent: (meta.userAgent ?? '').slice(0, 200),
    });
    return { token, expiresAt };
  }

  /** The actor behind a token, or null (unknown, expired, or the account is disabled). Slides browser sessions. */
  async resolve(token: string): Promise<(Actor & { sessionKind: 'browser' | 'api' }) | null> {
    if (!token || token.length > 100) return null;
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.kind, s.created_at, s.last_seen_at, u.id AS user_id, u.role, u.email, u.name,
              u.bureau_id, b.region_code, u.enterprise_id
       FROM session s JOIN app_user u ON u.id = s.user_id LEFT JOIN bureau b ON b.id = u.bureau_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
      [sha256(token), this.clock.now()],
    );
    const r = rows[0];
    if (!r) return null;
    const now = this.clock.now();
    if (now.getTime() - new Date(r.last_seen_at).getTime() > 60_000) {
      const expires =
        r.kind === 'browser' ? new Date(Math.min(now.getTime() + IDLE.browser, new Date(r.created_at).getTime() + ABSOLUTE)) : null;
      await this.dataSource.query(`UPDATE session SET last_seen_at = $2, expires_at = coalesce($3, expires_at) WHERE id = $1`, [
        r.session_id,
        now,
        expires,
      ]);
    }
    return {
      userId: r.user_id,
      role: r.role,
      email: r.email,
      name: r.name,
      bureauId: r.bureau_id,
      regionScope: r.region_code,
      enterpriseId: r.enterprise_id,
      sessionKind: r.kind,
    };
  }

  async revoke(token: string): Promise<void> {
    await this.dataSource.query('DELETE FROM session WHERE token_hash = $1', [sha256(token)]);
  }

  async revokeAll(userId: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query('DELETE FROM session WHERE user_id = $1', [userId]);
  }

  /** The CSRF token of a browser session: an HMAC of the session token, put in forms and checked on writes. */
  csrfToken(sessionToken: string): string {
    return createHmac('sha256', this.config.SECRET_KEY).update(`csrf:${sessionToken}`).digest('base64url').slice(0, 43);
  }

  csrfValid(sessionToken: string, presented: unknown): boolean {
    if (typeof presented !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(sessionToken));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
