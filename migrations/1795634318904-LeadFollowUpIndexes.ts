import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `stage IN ('new', 'contacted', 'negotiating', 'signed', 'started')`;

/**
 * Two officer views of the lead list, each one index range: "my leads by next follow-up"
 * (in order, no sort) and "follow-ups due in my county" (its count is a short range scan); and
 * statistics telling the planner that an owner's leads lie in the owner's region (the columns are
 * not independent), so "my leads in my county" is estimated right and read in index order.
 */
export class LeadFollowUpIndexes1795634318904 implements MigrationInterface {
  name = 'LeadFollowUpIndexes1795634318904';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX lead_owner_follow_up_idx ON lead (owner_id, next_follow_up_on ASC NULLS LAST, id) INCLUDE (region_code, stage)`,
    );
    await q.query(`CREATE INDEX lead_county_follow_up_idx ON lead (region_code, next_follow_up_on) WHERE ${OPEN}`);
    await q.query(`CREATE STATISTICS lead_owner_region_stats (dependencies) ON owner_id, region_code, city_code, province_code FROM lead`);
    await q.query(`ANALYZE lead`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS lead_owner_region_stats`);
    await q.query(`DROP INDEX lead_county_follow_up_idx`);
    await q.query(`DROP INDEX lead_owner_follow_up_idx`);
  }
}
