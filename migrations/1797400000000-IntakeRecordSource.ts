import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The link from a record accepted from a draft (project, policy, incentive) back to the document and
 * the sentence it was read from: one row per record, kept by intake (projects and policies know nothing of it).
 */
export class IntakeRecordSource1797400000000 implements MigrationInterface {
  name = 'IntakeRecordSource1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "intake_record_source" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "record_type" character varying(10) NOT NULL,
        "record_id" integer NOT NULL, "document_id" integer NOT NULL, "draft_id" integer NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL,
        "quote" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "intake_record_source_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "intake_record_source_record_key" ON "intake_record_source" ("record_type", "record_id")`);
    await q.query(`CREATE INDEX "intake_record_source_document_idx" ON "intake_record_source" ("document_id")`);
    await q.query(
      `ALTER TABLE "intake_record_source" ADD CONSTRAINT "intake_record_source_document_fk" FOREIGN KEY ("document_id") REFERENCES "intake_document"("id")
        ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "intake_record_source" ADD CONSTRAINT "intake_record_source_draft_fk" FOREIGN KEY ("draft_id") REFERENCES "intake_draft"("id")
        ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Records accepted before this link existed: their draft names them and its title/kind evidence is the sentence.
    await q.query(
      `INSERT INTO "intake_record_source" ("record_type", "record_id", "document_id", "draft_id", "start", "end", "quote", "created_at")
       SELECT DISTINCT ON (d.created_type, d.created_id) d.created_type, d.created_id, d.document_id, d.id,
              (e->>'start')::int, (e->>'end')::int, e->>'quote', coalesce(d.decided_at, now())
         FROM "intake_draft" d
         CROSS JOIN LATERAL (SELECT x FROM jsonb_array_elements(d.evidence) x WHERE x->>'field' IN ('title', 'kind') LIMIT 1) ev(e)
        WHERE d.status = 'accepted' AND d.created_type IS NOT NULL AND d.created_id IS NOT NULL
        ORDER BY d.created_type, d.created_id, d.id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intake_record_source"`);
  }
}
