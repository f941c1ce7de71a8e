import type { MigrationInterface, QueryRunner } from 'typeorm';
import { industries } from '../src/reference/industries.js';
import { regions } from '../src/reference/regions.js';

/**
 * The foundation schema: reference trees (GB/T 2260 regions, GB/T 4754-2017 industries) with their
 * data, the job outbox, enterprises, projects, policies and incentives, and matches.
 * Code arrays get GIN indexes; text search indexes to_tsvector('simple', jieba tokens).
 */
export class Foundation1764090000000 implements MigrationInterface {
  name = 'Foundation1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code character(6) PRIMARY KEY,
        name character varying(64) NOT NULL,
        level smallint NOT NULL,
        parent_code character(6),
        path character(6)[] NOT NULL
      )`);
    await q.query(`
      CREATE TABLE industry (
        code character varying(5) PRIMARY KEY,
        name character varying(100) NOT NULL,
        level smallint NOT NULL,
        parent_code character varying(5)
      )`);
    const r = regions();
    const regionRows = [...r.all()];
    for (let i = 0; i < regionRows.length; i += 1000) {
      const chunk = regionRows.slice(i, i + 1000);
      await q.query(
        `INSERT INTO region (code, name, level, parent_code, path)
         SELECT code, name, level, parent_code, string_to_array(path, ',')::char(6)[]
         FROM unnest($1::char(6)[], $2::varchar[], $3::smallint[], $4::char(6)[], $5::text[]) AS t(code, name, level, parent_code, path)`,
        [
          chunk.map((n) => n.code),
          chunk.map((n) => n.name),
          chunk.map((n) => n.level),
          chunk.map((n) => n.parent),
          chunk.map((n) => r.path(n.code).join(',')),
        ],
      );
    }
    const ind = [...industries().all()];
    await q.query(
      `INSERT INTO industry (code, name, level, parent_code)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::smallint[], $4::varchar[])`,
      [ind.map((n) => n.code), ind.map((n) => n.name), ind.map((n) => n.level), ind.map((n) => n.parent)],
    );

    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue character varying(60) NOT NULL,
        job_name character varying(100) NOT NULL,
        job_id character varying(200),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL`);
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);

    await q.query(`
      CREATE TABLE enterprise (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        uscc character(18) NOT NULL,
        name character varying(200) NOT NULL,
        industry_codes character varying(5)[] NOT NULL DEFAULT '{}',
        industry_path character varying(5)[] NOT NULL DEFAULT '{}',
        home_region_code character(6) NOT NULL CONSTRAINT enterprise_home_region_fk REFERENCES region(code),
        home_region_path character(6)[] NOT NULL,
        target_region_codes character(6)[] NOT NULL DEFAULT '{}',
        target_region_path character(6)[] NOT NULL DEFAULT '{}',
        investment_min_yuan bigint,
        investment_max_yuan bigint,
        size character varying(10),
        verified_certifications character varying(40)[] NOT NULL DEFAULT '{}',
        pending_certifications character varying(40)[] NOT NULL DEFAULT '{}',
        need_land_mu numeric(12,2),
        need_workforce integer,
        need_notes text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        contacts jsonb NOT NULL DEFAULT '[]',
        notification_frequency character varying(10) NOT NULL DEFAULT 'daily',
        notification_language character varying(5) NOT NULL DEFAULT 'zh-CN',
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX enterprise_uscc_key ON enterprise (uscc)`);
    await q.query(`CREATE INDEX enterprise_industry_path_gin ON enterprise USING gin (industry_path)`);
    await q.query(`CREATE INDEX enterprise_home_region_path_gin ON enterprise USING gin (home_region_path)`);
    await q.query(`CREATE INDEX enterprise_target_regions_gin ON enterprise USING gin (target_region_codes)`);
    await q.query(`CREATE INDEX enterprise_target_region_path_gin ON enterprise USING gin (target_region_path)`);
    await q.query(`CREATE INDEX enterprise_verified_certs_gin ON enterprise USING gin (verified_certifications)`);
    await q.query(`CREATE INDEX enterprise_search_gin ON enterprise USING gin (to_tsvector('simple', search_text))`);

    await q.query(`
      CREATE TABLE enterprise_certification (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id integer NOT NULL CONSTRAINT enterprise_certification_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        kind character varying(40) NOT NULL,
        status character varying(10) NOT NULL DEFAULT 'claimed',
        certificate_no character varying(100),
        valid_until date,
        reviewed_at timestamptz,
        reviewed_by integer,
        review_note character varying(500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX enterprise_certification_kind_key ON enterprise_certification (enterprise_id, kind)`);

    await q.query(`
      CREATE TABLE policy (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title character varying(300) NOT NULL,
        issuer character varying(200) NOT NULL,
        region_code character(6) NOT NULL CONSTRAINT policy_region_fk REFERENCES region(code),
        region_path character(6)[] NOT NULL,
        document_number character varying(100) NOT NULL DEFAULT '',
        valid_from date NOT NULL,
        valid_to date,
        source_text text NOT NULL DEFAULT '',
        source_url character varying(500) NOT NULL DEFAULT '',
        status character varying(10) NOT NULL DEFAULT 'draft',
        published_at timestamptz,
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX policy_region_idx ON policy (region_code)`);
    await q.query(`CREATE INDEX policy_region_path_gin ON policy USING gin (region_path)`);
    await q.query(`CREATE INDEX policy_search_gin ON policy USING gin (to_tsvector('simple', search_text))`);

    await q.query(`
      CREATE TABLE incentive (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        policy_id integer NOT NULL CONSTRAINT incentive_policy_fk REFERENCES policy(id) ON DELETE CASCADE,
        kind character varying(12) NOT NULL,
        title character varying(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        granted_without_application boolean NOT NULL DEFAULT false,
        conditions jsonb NOT NULL DEFAULT '[]',
        max_amount_yuan bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX incentive_policy_idx ON incentive (policy_id)`);

    await q.query(`
      CREATE TABLE project (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code character varying(40) NOT NULL,
        title character varying(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        region_code character(6) NOT NULL CONSTRAINT project_region_fk REFERENCES region(code),
        region_path character(6)[] NOT NULL,
        industry_codes character varying(5)[] NOT NULL DEFAULT '{}',
        industry_path character varying(5)[] NOT NULL DEFAULT '{}',
        total_investment_yuan bigint NOT NULL,
        land_area_mu numeric(12,2),
        stage character varying(12) NOT NULL DEFAULT 'planning',
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        status character varying(10) NOT NULL DEFAULT 'draft',
        published_at timestamptz,
        contact_info character varying(200) NOT NULL DEFAULT '',
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX project_code_key ON project (code)`);
    await q.query(`CREATE INDEX project_published_idx ON project (status, stage)`);
    await q.query(`CREATE INDEX project_region_path_gin ON project USING gin (region_path)`);
    await q.query(`CREATE INDEX project_industry_path_gin ON project USING gin (industry_path)`);
    await q.query(`CREATE INDEX project_search_gin ON project USING gin (to_tsvector('simple', search_text))`);

    await q.query(`
      CREATE TABLE project_stage_change (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id integer NOT NULL CONSTRAINT project_stage_change_project_fk REFERENCES project(id) ON DELETE CASCADE,
        from_stage character varying(12),
        to_stage character varying(12) NOT NULL,
        changed_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        changed_by integer,
        note character varying(500) NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX project_stage_change_project_idx ON project_stage_change (project_id, changed_at)`);

    await q.query(`
      CREATE TABLE project_incentive (
        project_id integer NOT NULL CONSTRAINT project_incentive_project_fk REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
        incentive_id integer NOT NULL CONSTRAINT project_incentive_incentive_fk REFERENCES incentive(id) ON DELETE CASCADE ON UPDATE CASCADE,
        PRIMARY KEY (project_id, incentive_id)
      )`);
    await q.query(`CREATE INDEX project_incentive_project_id_idx ON project_incentive (project_id)`);
    await q.query(`CREATE INDEX project_incentive_incentive_id_idx ON project_incentive (incentive_id)`);

    await q.query(`
      CREATE TABLE match (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id integer NOT NULL CONSTRAINT match_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        project_id integer NOT NULL CONSTRAINT match_project_fk REFERENCES project(id) ON DELETE CASCADE,
        score smallint NOT NULL,
        breakdown jsonb NOT NULL,
        reasons jsonb NOT NULL,
        eligible_incentive_ids integer[] NOT NULL DEFAULT '{}',
        needs_info_incentive_ids integer[] NOT NULL DEFAULT '{}',
        status character varying(12) NOT NULL DEFAULT 'new',
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        notified_score smallint,
        dismissed_score smallint,
        computed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX match_pair_key ON match (enterprise_id, project_id)`);
    await q.query(`CREATE INDEX match_project_score_idx ON match (project_id, score)`);
    await q.query(`CREATE INDEX match_enterprise_score_idx ON match (enterprise_id, score)`);

    await q.query(`
      CREATE TABLE notification_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type character varying(40) NOT NULL,
        enterprise_id integer NOT NULL,
        project_id integer,
        match_id bigint,
        incentive_id integer,
        score smallint,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_event_pending_idx ON notification_event (id) WHERE processed_at IS NULL`);
    await q.query(`CREATE INDEX notification_event_enterprise_idx ON notification_event (enterprise_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notification_event',
      'match',
      'project_incentive',
      'project_stage_change',
      'project',
      'incentive',
      'policy',
      'enterprise_certification',
      'enterprise',
      'outbox',
      'industry',
      'region',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
