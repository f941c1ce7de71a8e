import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock.js';
import type { AccountTokenPurpose } from './account-token.entity.js';
import { sha256 } from '../access/sessions.service.js';

/** How long each kind of link stays valid. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
  invite: 7 * 24 * 3600_000,
};

/**
 * Single-use, expiring tokens for links sent by e-mail. The link carries 256 random bits; the
 * table keeps only their SHA-256. Issuing a token voids the user's earlier unused tokens of the
 * same purpose (only the newest link works); using one is an atomic UPDATE … WHERE used_at IS NULL.
 */
@Injectable()
export class AccountTokensService {
  constructor(private readonly clock: Clock) {}

  async issue(m: EntityManager, userId: number, purpose: AccountTokenPurpose): Promise<{ id: number; token: string; expiresAt: Date }> {
    const now = this.clock.now();
    await m.query(`UPDATE account_token SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose, now]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
    const [row]: Array<{ id: number }> = await m.query(
      `INSERT INTO account_token (user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, purpose, sha256(token), now, expiresAt],
    );
    return { id: row.id, token, expiresAt };
  }

  /** Uses a token: the user id, or null when unknown, expired, already used or of another purpose. */
  async consume(
    m: EntityManager,
    token: string,
    purposes: AccountTokenPurpose[],
  ): Promise<{ userId: number; purpose: AccountTokenPurpose } | null> {
    if (!token || token.length > 100) return null;
    const now = this.clock.now();
    // TypeORM answers an UPDATE … RETURNING with [rows, count]
    const [rows]: [Array<{ user_id: number; purpose: AccountTokenPurpose }>, number] = await m.query(
      `UPDATE account_token SET used_at = $3
       WHERE token_hash = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL AND expires_at > $3
       RETURNING user_id, purpose`,
      [sha256(token), purposes, now],
    );
    return rows[0] ? { userId: rows[0].user_id, purpose: rows[0].purpose } : null;
  }

  /** Whether a token would be accepted now (for showing the form), without using it. */
  async peek(
    m: EntityManager,
    token: string,
    purposes: AccountTokenPurpose[],
  ): Promise<{ userId: number; purpose: AccountTokenPurpose } | null> {
    if (!token || token.length > 100) return null;
    const rows: Array<{ user_id: number; purpose: AccountTokenPurpose }> = await m.query(
      `SELECT user_id, purpose FROM account_token WHERE token_hash = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL AND expires_at > $3`,
      [sha256(token), purposes, this.clock.now()],
    );
    return rows[0] ? { userId: rows[0].user_id, purpose: rows[0].purpose } : null;
  }

  /** Voids every unused token of these purposes (after a password change, all reset links die). */
  async voidAll(m: EntityManager, userId: number, purposes: AccountTokenPurpose[]): Promise<void> {
    await m.query(`UPDATE account_token SET used_at = $3 WHERE user_id = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL`, [
      userId,
      purposes,
      this.clock.now(),
    ]);
  }
}
