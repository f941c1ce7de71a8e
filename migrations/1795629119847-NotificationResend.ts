import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admin resend of failed notifications: who resent a message and when, and how many attempts it
 * had then (a resend gets a fresh retry budget; attempt numbers keep counting so job ids stay unique).
 */
export class NotificationResend1795629119847 implements MigrationInterface {
  name = 'NotificationResend1795629119847';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN attempt_base smallint NOT NULL DEFAULT 0,
        ADD COLUMN resent_at timestamptz,
        ADD COLUMN resent_by integer CONSTRAINT notification_resent_by_fk REFERENCES app_user(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX notification_created_idx ON notification (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_created_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN resent_by, DROP COLUMN resent_at, DROP COLUMN attempt_base`);
  }
}
