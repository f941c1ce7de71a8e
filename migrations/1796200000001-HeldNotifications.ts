import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages held until their recipient verifies the address: found by address when the owner verifies it. */
export class HeldNotifications1796200000001 implements MigrationInterface {
  name = 'HeldNotifications1796200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_held_idx ON notification (recipient_email) WHERE status = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_held_idx`);
  }
}
