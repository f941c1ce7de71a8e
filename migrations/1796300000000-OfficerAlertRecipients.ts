import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers' alerts go to whom they concern (the lead's owner and its bureau, the responsible
 * bureau of a new match), each saying why: `notification_item.reason`; officers of other covering
 * bureaus get them only by choice: `notification_preference.region_alerts` (default off).
 */
export class OfficerAlertRecipients1796300000000 implements MigrationInterface {
  name = 'OfficerAlertRecipients1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_preference ADD COLUMN region_alerts boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE notification_item ADD COLUMN reason varchar(12)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_item DROP COLUMN reason`);
    await q.query(`ALTER TABLE notification_preference DROP COLUMN region_alerts`);
  }
}
