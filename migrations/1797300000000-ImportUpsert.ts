import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports that update (mode upsert: existing enterprises by USCC, only the named columns) and report
 * each row's outcome; the stored upload is kept uncompressed out of line (STORAGE EXTERNAL) so a
 * worker reads it slice by slice (substring) instead of detoasting 64 MB at once.
 */
export class ImportUpsert1797300000000 implements MigrationInterface {
  name = 'ImportUpsert1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ADD COLUMN mode character varying(8) NOT NULL DEFAULT 'create'`);
    await q.query(`ALTER TABLE import_job ADD COLUMN updated_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE import_job ADD COLUMN unchanged_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE import_job ADD COLUMN row_results jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE import_job ADD COLUMN file_size integer`);
    await q.query(`ALTER TABLE import_job ALTER COLUMN file SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ALTER COLUMN file SET STORAGE EXTENDED`);
    await q.query(
      `ALTER TABLE import_job DROP COLUMN file_size, DROP COLUMN row_results, DROP COLUMN unchanged_count, DROP COLUMN updated_count, DROP COLUMN mode`,
    );
  }
}
