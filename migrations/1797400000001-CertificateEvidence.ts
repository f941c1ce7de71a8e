import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored files: the certificate an enterprise attaches to a certification claim (key in the file storage,
 * its detected type, name and size), and the original file of an uploaded intake document.
 */
export class CertificateEvidence1797400000001 implements MigrationInterface {
  name = 'CertificateEvidence1797400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "enterprise_certification" ADD "evidence_key" character varying(300), ADD "evidence_content_type" character varying(100),
        ADD "evidence_file_name" character varying(200), ADD "evidence_size" integer, ADD "evidence_uploaded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(`ALTER TABLE "intake_document" ADD "file_key" character varying(300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "intake_document" DROP COLUMN "file_key"`);
    await q.query(
      `ALTER TABLE "enterprise_certification" DROP COLUMN "evidence_uploaded_at", DROP COLUMN "evidence_size", DROP COLUMN "evidence_file_name",
        DROP COLUMN "evidence_content_type", DROP COLUMN "evidence_key"`,
    );
  }
}
