import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log (a trigger refuses UPDATE, DELETE and TRUNCATE) and single-use
 * account tokens (e-mail verification, password reset, invitation), stored as SHA-256 hashes.
 */
export class AuditAndAccountTokens1795628454677 implements MigrationInterface {
  name = 'AuditAndAccountTokens1795628454677';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_user_id integer,
        actor_email character varying(254),
        actor_role character varying(12),
        action character varying(60) NOT NULL,
        target_type character varying(40),
        target_id character varying(64),
        region_code character(6),
        region_path character(6)[] NOT NULL DEFAULT '{}',
        detail jsonb NOT NULL DEFAULT '{}',
        ip character varying(64) NOT NULL DEFAULT '',
        user_agent character varying(200) NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
    await q.query(`CREATE INDEX audit_log_region_path_gin ON audit_log USING gin (region_path)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );

    await q.query(`
      CREATE TABLE account_token (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL CONSTRAINT account_token_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        purpose character varying(16) NOT NULL,
        token_hash character(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX account_token_hash_key ON account_token (token_hash)`);
    await q.query(`CREATE INDEX account_token_user_idx ON account_token (user_id, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_token`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
