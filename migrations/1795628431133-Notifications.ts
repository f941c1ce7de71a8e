import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the message outbox (one row per e-mail, unique dedupe key), per-user preferences,
 * address suppressions (unsubscribed bare addresses), and digest items made from notification
 * events. Inserting events wakes the event processor through NOTIFY.
 */
export class Notifications1795628431133 implements MigrationInterface {
  name = 'Notifications1795628431133';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dedupe_key character varying(200) NOT NULL,
        category character varying(16) NOT NULL,
        template character varying(60) NOT NULL,
        language character varying(5),
        recipient_user_id integer CONSTRAINT notification_recipient_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        recipient_enterprise_id integer CONSTRAINT notification_recipient_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        recipient_email character varying(254),
        recipient_name character varying(200),
        region_path character(6)[] NOT NULL DEFAULT '{}',
        data jsonb NOT NULL,
        status character varying(10) NOT NULL DEFAULT 'pending',
        attempts smallint NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        message_id character varying(200) NOT NULL,
        provider_message_id character varying(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_key ON notification (dedupe_key)`);
    await q.query(`CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX notification_recipient_user_idx ON notification (recipient_user_id)`);
    await q.query(`CREATE INDEX notification_recipient_enterprise_idx ON notification (recipient_enterprise_id)`);
    await q.query(`CREATE INDEX notification_region_path_gin ON notification USING gin (region_path)`);

    await q.query(`
      CREATE TABLE notification_preference (
        user_id integer PRIMARY KEY CONSTRAINT notification_preference_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        match_frequency character varying(10),
        reminders boolean NOT NULL DEFAULT true,
        language character varying(5),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE notification_suppression (
        email character varying(254) NOT NULL,
        category character varying(16) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email, category)
      )`);

    await q.query(`
      CREATE TABLE notification_item (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient_key character varying(24) NOT NULL,
        recipient_user_id integer CONSTRAINT notification_item_recipient_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        recipient_enterprise_id integer CONSTRAINT notification_item_recipient_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        kind character varying(20) NOT NULL,
        subject_key character varying(40) NOT NULL,
        match_id bigint CONSTRAINT notification_item_match_fk REFERENCES match(id) ON DELETE CASCADE,
        project_id integer,
        enterprise_id integer NOT NULL,
        incentive_id integer,
        event_type character varying(40) NOT NULL,
        score smallint,
        event_id bigint NOT NULL,
        created_at timestamptz NOT NULL,
        notification_id bigint
      )`);
    await q.query(
      `CREATE UNIQUE INDEX notification_item_pending_key ON notification_item (recipient_key, subject_key) WHERE notification_id IS NULL`,
    );
    await q.query(`CREATE INDEX notification_item_notification_idx ON notification_item (notification_id)`);
    await q.query(`CREATE INDEX notification_item_match_idx ON notification_item (match_id)`);

    await q.query(`
      CREATE FUNCTION notification_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('notification_event', ''); RETURN NULL; END $$`);
    await q.query(
      `CREATE TRIGGER notification_event_notify AFTER INSERT ON notification_event FOR EACH STATEMENT EXECUTE FUNCTION notification_event_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notification_event_notify ON notification_event`);
    await q.query(`DROP FUNCTION notification_event_notify()`);
    await q.query(`DROP TABLE notification_item`);
    await q.query(`DROP TABLE notification_suppression`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification`);
  }
}
