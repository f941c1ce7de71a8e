import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A chain segment's status as last computed (src/chains: on every chain write and every quarter
 * hour), so that matching's chain factor reads the gaps without computing every map: it changes
 * only through the chains service, which announces the change (`chainChanged`) to re-match.
 * Existing segments start as `gap` with no presence; the first refresh sets them.
 */
export class ChainSegmentStatus1798300000000 implements MigrationInterface {
  name = 'ChainSegmentStatus1798300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chain_segment
        ADD COLUMN status character varying(6) NOT NULL DEFAULT 'gap',
        ADD COLUMN presence integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT chain_segment_status_check CHECK (status IN ('strong', 'weak', 'gap'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chain_segment DROP COLUMN status, DROP COLUMN presence`);
  }
}
