import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts: bureaus (region-scoped), users (admin / bureau lead / officer / enterprise), sessions. */
export class Accounts1764100000000 implements MigrationInterface {
  name = 'Accounts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bureau (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name character varying(100) NOT NULL,
        region_code character(6) NOT NULL CONSTRAINT bureau_region_fk REFERENCES region(code),
        idle_limit_days smallint NOT NULL DEFAULT 14,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX bureau_region_idx ON bureau (region_code)`);
    await q.query(`
      CREATE TABLE app_user (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email character varying(254) NOT NULL,
        name character varying(50) NOT NULL,
        password_hash character varying(200),
        role character varying(12) NOT NULL,
        bureau_id integer CONSTRAINT app_user_bureau_fk REFERENCES bureau(id) ON DELETE RESTRICT,
        enterprise_id integer CONSTRAINT app_user_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        email_verified_at timestamptz,
        active boolean NOT NULL DEFAULT true,
        failed_logins smallint NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_bureau_idx ON app_user (bureau_id)`);
    await q.query(`CREATE INDEX app_user_enterprise_idx ON app_user (enterprise_id)`);
    await q.query(`
      CREATE TABLE session (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        token_hash character(64) NOT NULL,
        user_id integer NOT NULL CONSTRAINT session_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        kind character varying(8) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ip character varying(64) NOT NULL DEFAULT '',
        user_agent character varying(200) NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE UNIQUE INDEX session_token_key ON session (token_hash)`);
    await q.query(`CREATE INDEX session_user_idx ON session (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE bureau`);
  }
}
