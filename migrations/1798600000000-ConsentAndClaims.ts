import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 企业入驻 consent and 认领 (issue 17 items 7 and 14):
 * - `legal_document`: the 用户协议 / 隐私政策 versions admins publish (version 1 is the text in the
 *   repo, src/accounts/legal-texts.ts, until an admin publishes a newer one);
 * - `app_user.terms_version` / `privacy_version` / `terms_accepted_at`: what the account agreed to;
 * - `enterprise_claim`: a sign-up for an enterprise already on record, waiting for the link mailed
 *   to the enterprise's contact address or for an officer of its region (the account is created
 *   only then; until that, the claim holds the applicant's name, address and password hash).
 */
export class ConsentAndClaims1798600000000 implements MigrationInterface {
  name = 'ConsentAndClaims1798600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal_document (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind character varying(16) NOT NULL,
      version integer NOT NULL,
      body text NOT NULL,
      published_by_user_id integer,
      published_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX legal_document_kind_version_key ON legal_document (kind, version)`);
    await q.query(
      `ALTER TABLE app_user ADD COLUMN terms_version integer, ADD COLUMN privacy_version integer, ADD COLUMN terms_accepted_at timestamptz`,
    );
    await q.query(`CREATE TABLE enterprise_claim (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      enterprise_id integer NOT NULL CONSTRAINT enterprise_claim_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
      region_code character varying(6) NOT NULL,
      email character varying(254) NOT NULL,
      name character varying(50) NOT NULL,
      password_hash character varying(200) NOT NULL,
      terms_version integer,
      privacy_version integer,
      status character varying(10) NOT NULL DEFAULT 'pending',
      contact_email character varying(254),
      token_hash character(64),
      token_expires_at timestamptz,
      decided_via character varying(8),
      decided_by_user_id integer,
      decision_note character varying(500),
      user_id integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX enterprise_claim_token_key ON enterprise_claim (token_hash) WHERE token_hash IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX enterprise_claim_pending_key ON enterprise_claim (enterprise_id, email) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX enterprise_claim_region_idx ON enterprise_claim (region_code, created_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enterprise_claim`);
    await q.query(`ALTER TABLE app_user DROP COLUMN terms_version, DROP COLUMN privacy_version, DROP COLUMN terms_accepted_at`);
    await q.query(`DROP TABLE legal_document`);
  }
}
