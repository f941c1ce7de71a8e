import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The validity of each verified or pending certification claim, on the enterprise row beside the
 * GIN-indexed kind arrays, so eligibility (in TypeScript and in SQL) can tell an expired certificate
 * without reading the claim rows.
 */
export class CertificationValidity1796200000000 implements MigrationInterface {
  name = 'CertificationValidity1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enterprise ADD COLUMN certifications_valid_until jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `UPDATE enterprise e SET certifications_valid_until = c.until
       FROM (SELECT enterprise_id, jsonb_object_agg(kind, valid_until::text) AS until FROM enterprise_certification
             WHERE status <> 'rejected' AND valid_until IS NOT NULL GROUP BY enterprise_id) c
       WHERE c.enterprise_id = e.id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enterprise DROP COLUMN certifications_valid_until`);
  }
}
