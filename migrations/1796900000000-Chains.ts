import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 产业链招商 (src/chains): chains of a region (region closure, GIN) and their ordered segments. */
export class Chains1796900000000 implements MigrationInterface {
  name = 'Chains1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE chain (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name character varying(100) NOT NULL,
        region_code character(6) NOT NULL,
        region_path character(6)[] NOT NULL,
        template_key character varying(40),
        leader_user_id integer,
        anchor_enterprise_ids integer[] NOT NULL DEFAULT '{}',
        strong_min smallint NOT NULL DEFAULT 3,
        weak_min smallint NOT NULL DEFAULT 1,
        created_by integer,
        created_at timestamp with time zone NOT NULL DEFAULT now(),
        updated_at timestamp with time zone NOT NULL DEFAULT now(),
        CONSTRAINT chain_region_fk FOREIGN KEY (region_code) REFERENCES region(code)
      )`);
    await q.query(`CREATE INDEX chain_region_path_gin ON chain USING gin (region_path)`);
    await q.query(`
      CREATE TABLE chain_segment (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        chain_id integer NOT NULL,
        position smallint NOT NULL,
        name character varying(60) NOT NULL,
        tier character varying(10),
        industry_codes character varying(5)[] NOT NULL,
        keywords character varying(20)[] NOT NULL DEFAULT '{}',
        CONSTRAINT chain_segment_chain_fk FOREIGN KEY (chain_id) REFERENCES chain(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX chain_segment_position_key ON chain_segment (chain_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chain_segment`);
    await q.query(`DROP TABLE chain`);
  }
}
