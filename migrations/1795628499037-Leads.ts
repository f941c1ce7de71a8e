import type { MigrationInterface, QueryRunner } from 'typeorm';

const PRE_SIGNING = `stage IN ('new', 'contacted', 'negotiating')`;
const OPEN = `stage IN ('new', 'contacted', 'negotiating', 'signed', 'started')`;

/**
 * Leads (线索) with their timeline, the bureaus' assignment rules and round-robin cursors, and
 * import jobs. The lead table is built for a million rows listed by region: one ordered, covering
 * b-tree per region level (see lead.entity.ts).
 */
export class Leads1795628499037 implements MigrationInterface {
  name = 'Leads1795628499037';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id integer NOT NULL CONSTRAINT lead_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        project_id integer CONSTRAINT lead_project_fk REFERENCES project(id) ON DELETE SET NULL,
        match_id bigint CONSTRAINT lead_match_fk REFERENCES match(id) ON DELETE SET NULL,
        source character varying(10) NOT NULL,
        region_code character(6) NOT NULL CONSTRAINT lead_region_fk REFERENCES region(code),
        city_code character(6),
        province_code character(6) NOT NULL,
        industry_codes character varying(5)[] NOT NULL DEFAULT '{}',
        industry_path character varying(5)[] NOT NULL DEFAULT '{}',
        bureau_id integer CONSTRAINT lead_bureau_fk REFERENCES bureau(id) ON DELETE SET NULL,
        owner_id integer CONSTRAINT lead_owner_fk REFERENCES app_user(id) ON DELETE SET NULL,
        stage character varying(12) NOT NULL DEFAULT 'new',
        stage_changed_at timestamptz NOT NULL,
        lost_reason character varying(500),
        lost_from_stage character varying(12),
        expected_investment_yuan bigint,
        signing_kind character varying(10),
        increase_of_lead_id integer CONSTRAINT lead_increase_of_fk REFERENCES lead(id) ON DELETE SET NULL,
        signed_amount_yuan bigint,
        started_amount_yuan bigint,
        producing_amount_yuan bigint,
        contacted_at timestamptz,
        negotiating_at timestamptz,
        signed_at timestamptz,
        started_at timestamptz,
        producing_at timestamptz,
        lost_at timestamptz,
        next_follow_up_on date,
        last_activity_at timestamptz NOT NULL,
        import_key character varying(200),
        search_text text NOT NULL DEFAULT '',
        created_by integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the list: one ordered, covering index per region level (county, city, province) and per owner
    for (const [name, col, include] of [
      ['lead_county_list_idx', 'region_code', 'stage, owner_id, next_follow_up_on, source'],
      ['lead_city_list_idx', 'city_code', 'stage, owner_id, next_follow_up_on, source'],
      ['lead_province_list_idx', 'province_code', 'stage, owner_id, next_follow_up_on, source'],
      ['lead_owner_list_idx', 'owner_id', 'stage, region_code, next_follow_up_on, source'],
    ]) {
      await q.query(`CREATE INDEX ${name} ON lead (${col}, last_activity_at DESC, id DESC) INCLUDE (${include})`);
    }
    await q.query(`CREATE INDEX lead_follow_up_idx ON lead (next_follow_up_on) WHERE ${OPEN}`);
    await q.query(`CREATE INDEX lead_industry_path_gin ON lead USING gin (industry_path)`);
    await q.query(`CREATE INDEX lead_search_gin ON lead USING gin (to_tsvector('simple', search_text))`);
    // at most one lead before signing per enterprise × project, and per enterprise × region of interest
    await q.query(
      `CREATE UNIQUE INDEX lead_open_project_key ON lead (enterprise_id, project_id) WHERE project_id IS NOT NULL AND ${PRE_SIGNING}`,
    );
    await q.query(
      `CREATE UNIQUE INDEX lead_open_region_key ON lead (enterprise_id, region_code) WHERE project_id IS NULL AND ${PRE_SIGNING}`,
    );
    // a project is signed (counted) once; later signings on it are increases
    await q.query(`CREATE UNIQUE INDEX lead_project_signing_key ON lead (project_id) WHERE signing_kind = 'new'`);
    await q.query(`CREATE UNIQUE INDEX lead_match_key ON lead (match_id) WHERE match_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX lead_import_key ON lead (import_key)`);
    await q.query(`CREATE INDEX lead_enterprise_idx ON lead (enterprise_id)`);
    await q.query(`CREATE INDEX lead_project_idx ON lead (project_id)`);
    await q.query(`CREATE INDEX lead_bureau_idx ON lead (bureau_id)`);

    await q.query(`
      CREATE TABLE lead_activity (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        lead_id integer NOT NULL CONSTRAINT lead_activity_lead_fk REFERENCES lead(id) ON DELETE CASCADE,
        kind character varying(16) NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id integer,
        summary character varying(2000) NOT NULL DEFAULT '',
        from_stage character varying(12),
        to_stage character varying(12),
        from_owner_id integer,
        to_owner_id integer,
        details jsonb NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lead_activity_lead_idx ON lead_activity (lead_id, occurred_at)`);

    await q.query(`
      CREATE TABLE lead_assignment_rule (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        bureau_id integer NOT NULL CONSTRAINT lead_assignment_rule_bureau_fk REFERENCES bureau(id) ON DELETE CASCADE,
        user_id integer NOT NULL CONSTRAINT lead_assignment_rule_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        region_code character(6),
        industry_code character varying(5),
        created_by integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lead_assignment_rule_bureau_idx ON lead_assignment_rule (bureau_id)`);
    await q.query(`
      CREATE TABLE lead_assignment_cursor (
        bureau_id integer NOT NULL,
        pool_key character varying(400) NOT NULL,
        last_user_id integer NOT NULL,
        PRIMARY KEY (bureau_id, pool_key)
      )`);

    await q.query(`
      CREATE TABLE import_job (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind character varying(12) NOT NULL,
        format character varying(4) NOT NULL,
        file_name character varying(200) NOT NULL DEFAULT '',
        valid_only boolean NOT NULL DEFAULT false,
        status character varying(10) NOT NULL DEFAULT 'queued',
        phase character varying(12),
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        existing_count integer NOT NULL DEFAULT 0,
        invalid_count integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure character varying(500),
        file bytea,
        actor jsonb NOT NULL,
        created_by integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_job_creator_idx ON import_job (created_by, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_job`);
    await q.query(`DROP TABLE lead_assignment_cursor`);
    await q.query(`DROP TABLE lead_assignment_rule`);
    await q.query(`DROP TABLE lead_activity`);
    await q.query(`DROP TABLE lead`);
  }
}
