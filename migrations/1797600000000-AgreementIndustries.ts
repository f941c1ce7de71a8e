import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements keep their lead's industries (with ancestors) as at the signing, so figures by
 * industry or by chain (a chain is a set of industry codes) are one GIN probe on the agreement.
 */
export class AgreementIndustries1797600000000 implements MigrationInterface {
  name = 'AgreementIndustries1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement ADD COLUMN industry_path character varying(5)[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE agreement a SET industry_path = l.industry_path FROM lead l WHERE l.id = a.lead_id AND a.industry_path = '{}'`);
    await q.query(`CREATE INDEX agreement_industry_path_gin ON agreement USING gin (industry_path)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agreement_industry_path_gin`);
    await q.query(`ALTER TABLE agreement DROP COLUMN industry_path`);
  }
}
