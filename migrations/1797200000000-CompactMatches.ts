import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compact matches: a match stores what each factor found (`verdict`, a few dozen bytes of small
 * integers and codes, see src/matching/scoring/stored.ts) instead of its breakdown and reasons
 * as JSON (≈ 1.1 KB a row); the text is spelled out when the match is read. Existing rows keep
 * their status, dismissals and announcements; they get no verdict (explained by scoring afresh)
 * and fingerprint 0, so the next matching run that reaches them writes their verdict. A match with
 * no eligible (or needs-info) incentives stores NULL there instead of an empty array.
 */
export class CompactMatches1797200000000 implements MigrationInterface {
  name = 'CompactMatches1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE match ADD COLUMN verdict bytea, DROP COLUMN breakdown, DROP COLUMN reasons,
        ALTER COLUMN eligible_incentive_ids DROP NOT NULL, ALTER COLUMN eligible_incentive_ids DROP DEFAULT,
        ALTER COLUMN needs_info_incentive_ids DROP NOT NULL, ALTER COLUMN needs_info_incentive_ids DROP DEFAULT`);
    // no incentives: NULL (a bit in the row) rather than an empty array (13 bytes)
    await q.query(
      `UPDATE match SET fingerprint = 0, eligible_incentive_ids = nullif(eligible_incentive_ids, '{}'), needs_info_incentive_ids = nullif(needs_info_incentive_ids, '{}')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE match ADD COLUMN breakdown json NOT NULL DEFAULT '[]', ADD COLUMN reasons json NOT NULL DEFAULT '[]', DROP COLUMN verdict`,
    );
    await q.query(
      `UPDATE match SET fingerprint = 0, eligible_incentive_ids = coalesce(eligible_incentive_ids, '{}'), needs_info_incentive_ids = coalesce(needs_info_incentive_ids, '{}')`,
    );
    await q.query(`
      ALTER TABLE match ALTER COLUMN breakdown DROP DEFAULT, ALTER COLUMN reasons DROP DEFAULT,
        ALTER COLUMN eligible_incentive_ids SET DEFAULT '{}', ALTER COLUMN eligible_incentive_ids SET NOT NULL,
        ALTER COLUMN needs_info_incentive_ids SET DEFAULT '{}', ALTER COLUMN needs_info_incentive_ids SET NOT NULL`);
  }
}
