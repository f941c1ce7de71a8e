import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matching engine's state: breakdown/reasons as json (written in bulk, never queried inside);
 * what a stored match was computed from (fingerprint, basis), whether
 * it still holds (withdrawn_at) and what was last announced; enterprise × incentive eligibility
 * (政策找企业, kept current by the matching jobs); full re-match runs and their chunks.
 */
export class Matching1795628918848 implements MigrationInterface {
  name = 'Matching1795628918848';

  async up(q: QueryRunner): Promise<void> {
    // breakdown and reasons are only ever read whole: json (validated text) is far cheaper to write than jsonb
    await q.query(`
      ALTER TABLE match
        ALTER COLUMN breakdown TYPE json,
        ALTER COLUMN reasons TYPE json,
        ADD COLUMN fingerprint integer NOT NULL DEFAULT 0,
        ADD COLUMN basis_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN announced_score smallint,
        ADD COLUMN announced_at timestamptz`);
    // an enterprise's few dozen matches are reached through match_pair_key (enterprise_id, project_id)
    await q.query(`DROP INDEX match_enterprise_score_idx`);

    await q.query(`
      CREATE TABLE enterprise_incentive (
        enterprise_id integer NOT NULL CONSTRAINT enterprise_incentive_enterprise_fk REFERENCES enterprise(id) ON DELETE CASCADE,
        incentive_id integer NOT NULL CONSTRAINT enterprise_incentive_incentive_fk REFERENCES incentive(id) ON DELETE CASCADE,
        status character varying(12) NOT NULL,
        missing jsonb NOT NULL DEFAULT '[]',
        fingerprint integer NOT NULL,
        basis_at timestamptz NOT NULL DEFAULT now(),
        computed_at timestamptz NOT NULL DEFAULT now(),
        granted_at timestamptz,
        CONSTRAINT enterprise_incentive_pkey PRIMARY KEY (enterprise_id, incentive_id)
      )`);
    await q.query(`CREATE INDEX enterprise_incentive_incentive_idx ON enterprise_incentive (incentive_id, status)`);

    await q.query(`
      CREATE TABLE matching_run (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        trigger character varying(12) NOT NULL,
        job_key character varying(200),
        requested_by integer,
        status character varying(12) NOT NULL DEFAULT 'pending',
        chunk_size integer NOT NULL,
        chunks_total integer NOT NULL DEFAULT 0,
        chunks_done integer NOT NULL DEFAULT 0,
        enterprises integer NOT NULL DEFAULT 0,
        pairs_scored bigint NOT NULL DEFAULT 0,
        matches_written bigint NOT NULL DEFAULT 0,
        matches_withdrawn bigint NOT NULL DEFAULT 0,
        events_written bigint NOT NULL DEFAULT 0,
        eligibility_written bigint NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX matching_run_job_key ON matching_run (job_key)`);

    await q.query(`
      CREATE TABLE matching_run_chunk (
        run_id integer NOT NULL CONSTRAINT matching_run_chunk_run_fk REFERENCES matching_run(id) ON DELETE CASCADE,
        chunk_no integer NOT NULL,
        from_enterprise_id integer NOT NULL,
        to_enterprise_id integer NOT NULL,
        status character varying(12) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        pairs_scored integer NOT NULL DEFAULT 0,
        matches_written integer NOT NULL DEFAULT 0,
        matches_withdrawn integer NOT NULL DEFAULT 0,
        events_written integer NOT NULL DEFAULT 0,
        eligibility_written integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT matching_run_chunk_pkey PRIMARY KEY (run_id, chunk_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching_run_chunk`);
    await q.query(`DROP TABLE matching_run`);
    await q.query(`DROP TABLE enterprise_incentive`);
    await q.query(`
      ALTER TABLE match
        ALTER COLUMN breakdown TYPE jsonb,
        ALTER COLUMN reasons TYPE jsonb,
        DROP COLUMN fingerprint,
        DROP COLUMN basis_at,
        DROP COLUMN withdrawn_at,
        DROP COLUMN announced_score,
        DROP COLUMN announced_at`);
    await q.query(`CREATE INDEX match_enterprise_score_idx ON match (enterprise_id, score)`);
  }
}
