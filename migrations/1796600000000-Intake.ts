import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy-document intake: uploaded documents (their text and region, GIN-indexed path for region-scoped
 * reads), the drafts read from them with evidence offsets, and the industry keywords admins add.
 */
export class Intake1796600000000 implements MigrationInterface {
  name = 'Intake1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "intake_document" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "title" character varying(300) NOT NULL,
        "source_url" character varying(500) NOT NULL DEFAULT '', "file_name" character varying(200) NOT NULL DEFAULT '',
        "format" character varying(8) NOT NULL, "region_code" character(6), "region_path" character(6) array NOT NULL DEFAULT '{}',
        "text" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'processing', "progress" smallint NOT NULL DEFAULT '0',
        "failure" text, "created_by" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_3a85e324717f7593b9dbff093bf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "intake_document_creator_idx" ON "intake_document" ("created_by", "id")`);
    await q.query(`CREATE INDEX "intake_document_region_path_gin" ON "intake_document" USING gin ("region_path")`);
    await q.query(
      `CREATE TABLE "intake_draft" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "document_id" integer NOT NULL, "position" integer NOT NULL,
        "kind" character varying(10) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'proposed', "fields" jsonb NOT NULL,
        "evidence" jsonb NOT NULL DEFAULT '[]', "confidence" real NOT NULL, "created_type" character varying(10), "created_id" integer,
        "decided_by" integer, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e56ee9b74ddc8cdf62d79d9bc23" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "intake_draft_document_idx" ON "intake_draft" ("document_id", "position")`);
    await q.query(
      `ALTER TABLE "intake_draft" ADD CONSTRAINT "intake_draft_document_fk" FOREIGN KEY ("document_id") REFERENCES "intake_document"("id")
        ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "intake_industry_keyword" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "keyword" character varying(40) NOT NULL,
        "codes" character varying(5) array NOT NULL, "created_by" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_9ebefec786c35b16f5ad3f37a14" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "intake_industry_keyword_key" ON "intake_industry_keyword" ("keyword")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intake_industry_keyword"`);
    await q.query(`DROP TABLE "intake_draft"`);
    await q.query(`DROP TABLE "intake_document"`);
  }
}
