import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The send path updates each notification row twice (claimed, then sent). Making both updates
 * cheap (HOT: no index touched, the new row version on the same page):
 * - which messages are still open (pending or sending) is kept in a narrow table of its own,
 *   `notification_open`, instead of a partial index on `notification` whose predicate the updates
 *   would change; a message leaves it with its final status;
 * - fillfactor 70 leaves room on each page for the new row versions;
 * - the template data is stored out of line (toast_tuple_target 256), so an update copies a
 *   narrow row instead of the whole snapshot.
 */
export class NotificationHotPath1795630553144 implements MigrationInterface {
  name = 'NotificationHotPath1795630553144';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_open (
        notification_id bigint PRIMARY KEY CONSTRAINT notification_open_notification_fk REFERENCES notification(id) ON DELETE CASCADE
      )`);
    await q.query(`INSERT INTO notification_open (notification_id) SELECT id FROM notification WHERE status IN ('pending', 'sending')`);
    await q.query(`DROP INDEX notification_due_idx`);
    await q.query(`ALTER TABLE notification SET (fillfactor = 70, toast_tuple_target = 256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification RESET (fillfactor, toast_tuple_target)`);
    await q.query(`CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`DROP TABLE notification_open`);
  }
}
