import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 消息中心: in-app messages, one row per recipient and occurrence (`dedupe_key` makes a retried
 * write harmless), read or not. The unread count is answered from a partial index. And the phone
 * number of staff, so an enterprise sees how to reach the officer working its lead.
 */
export class Inbox1797700000000 implements MigrationInterface {
  name = 'Inbox1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN phone character varying(30)`);
    await q.query(`
      CREATE TABLE inbox_message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL CONSTRAINT inbox_message_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        kind character varying(30) NOT NULL,
        title character varying(200) NOT NULL,
        body character varying(500) NOT NULL DEFAULT '',
        link character varying(300) NOT NULL,
        dedupe_key character varying(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX inbox_message_dedupe_idx ON inbox_message (user_id, dedupe_key)`);
    await q.query(`CREATE INDEX inbox_message_user_idx ON inbox_message (user_id, id)`);
    await q.query(`CREATE INDEX inbox_message_unread_idx ON inbox_message (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox_message`);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone`);
  }
}
