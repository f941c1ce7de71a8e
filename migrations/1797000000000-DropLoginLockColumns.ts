import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_user.failed_logins` / `locked_until` were never read: failed logins are counted in Redis per
 * address and client (access/rate-limits.ts) and nothing locks an account (no stranger can lock its
 * owner out). Dropped so the schema says what the code does.
 */
export class DropLoginLockColumns1797000000000 implements MigrationInterface {
  name = 'DropLoginLockColumns1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN failed_logins smallint NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
  }
}
