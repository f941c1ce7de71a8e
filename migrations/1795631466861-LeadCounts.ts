import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead counts kept by a trigger, per (region, stage, owner, source): the lead list's total for the
 * usual filters (region subtree, stage, owner, source) is a sum over a few dozen rows instead of
 * a count over thousands of leads, exact and current in every process.
 */
export class LeadCounts1795631466861 implements MigrationInterface {
  name = 'LeadCounts1795631466861';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_count (
        region_code character(6) NOT NULL,
        city_code character(6),
        province_code character(6) NOT NULL,
        stage character varying(12) NOT NULL,
        owner_key integer NOT NULL,
        source character varying(10) NOT NULL,
        n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (region_code, stage, owner_key, source)
      )`);
    await q.query(`CREATE INDEX lead_count_city_idx ON lead_count (city_code)`);
    await q.query(`CREATE INDEX lead_count_province_idx ON lead_count (province_code)`);
    await q.query(`
      CREATE FUNCTION lead_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          UPDATE lead_count SET n = n - 1
          WHERE region_code = OLD.region_code AND stage = OLD.stage AND owner_key = coalesce(OLD.owner_id, 0) AND source = OLD.source;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO lead_count (region_code, city_code, province_code, stage, owner_key, source, n)
          VALUES (NEW.region_code, NEW.city_code, NEW.province_code, NEW.stage, coalesce(NEW.owner_id, 0), NEW.source, 1)
          ON CONFLICT (region_code, stage, owner_key, source) DO UPDATE SET n = lead_count.n + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER lead_count_insert_delete AFTER INSERT OR DELETE ON lead FOR EACH ROW EXECUTE FUNCTION lead_count_track()`,
    );
    await q.query(`
      CREATE TRIGGER lead_count_update AFTER UPDATE OF region_code, stage, owner_id, source ON lead FOR EACH ROW
      WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.stage IS DISTINCT FROM NEW.stage
        OR OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.source IS DISTINCT FROM NEW.source)
      EXECUTE FUNCTION lead_count_track()`);
    await q.query(`
      INSERT INTO lead_count (region_code, city_code, province_code, stage, owner_key, source, n)
      SELECT region_code, min(city_code), min(province_code), stage, coalesce(owner_id, 0), source, count(*)
      FROM lead GROUP BY region_code, stage, coalesce(owner_id, 0), source`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER lead_count_update ON lead`);
    await q.query(`DROP TRIGGER lead_count_insert_delete ON lead`);
    await q.query(`DROP FUNCTION lead_count_track()`);
    await q.query(`DROP TABLE lead_count`);
  }
}
