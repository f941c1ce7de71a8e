import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 投资协议 (issue 16): agreements on signed leads, their pledges, tranches, actuals (append-only),
 * warning states and recovery cases. Region-scoped lists and figures read the agreement's three
 * region-level indexes; the daily evaluator pages agreements by primary key.
 */
export class Agreements1796800000000 implements MigrationInterface {
  name = 'Agreements1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agreement" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "lead_id" integer NOT NULL, "enterprise_id" integer NOT NULL, "project_id" integer, "region_code" character(6) NOT NULL, "city_code" character(6), "province_code" character(6) NOT NULL, "signed_on" date NOT NULL, "terms" jsonb NOT NULL, "pledged_investment_yuan" bigint, "capital_yuan" bigint NOT NULL DEFAULT '0', "status" character varying(12) NOT NULL DEFAULT 'performing', "evaluated_on" date, "created_by" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "agreement_lead_key" ON "agreement"  ("lead_id") `);
    await q.query(`CREATE INDEX "agreement_enterprise_idx" ON "agreement"  ("enterprise_id") `);
    await q.query(`CREATE INDEX "agreement_province_idx" ON "agreement"  ("province_code", "id") `);
    await q.query(`CREATE INDEX "agreement_city_idx" ON "agreement"  ("city_code", "id") `);
    await q.query(`CREATE INDEX "agreement_county_idx" ON "agreement"  ("region_code", "id") `);
    await q.query(
      `CREATE TABLE "agreement_pledge" ("agreement_id" integer NOT NULL, "kind" character varying(16) NOT NULL, "target" bigint, "due_on" date NOT NULL, "status" character varying(12) NOT NULL, "status_since" date NOT NULL, CONSTRAINT "PK_7340f4d78b55073d829c8ad0de2" PRIMARY KEY ("agreement_id", "kind"))`,
    );
    await q.query(`CREATE INDEX "agreement_pledge_status_idx" ON "agreement_pledge"  ("status") `);
    await q.query(
      `CREATE TABLE "agreement_tranche" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "agreement_id" integer NOT NULL, "position" smallint NOT NULL, "amount_yuan" bigint NOT NULL, "incentive_id" integer, "condition" character varying(16) NOT NULL, "due_on" date NOT NULL, "state" character varying(12) NOT NULL DEFAULT 'pending', "requested_by" integer, "requested_at" TIMESTAMP WITH TIME ZONE, "approved_by" integer, "released_on" date, "released_yuan" bigint, CONSTRAINT "PK_a36550f71bab2670a0555cfe1fd" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "agreement_tranche_state_idx" ON "agreement_tranche"  ("state") `);
    await q.query(`CREATE INDEX "agreement_tranche_agreement_idx" ON "agreement_tranche"  ("agreement_id", "position") `);
    await q.query(
      `CREATE TABLE "agreement_actual" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "agreement_id" integer NOT NULL, "kind" character varying(16) NOT NULL, "occurred_on" date NOT NULL, "amount_yuan" bigint, "count" integer, "source" character varying(200) NOT NULL, "document" character varying(500) NOT NULL DEFAULT '', "note" character varying(2000) NOT NULL DEFAULT '', "corrects_id" bigint, "recorded_by" integer, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac81a7ee8febf2da2cb99d45080" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "agreement_actual_agreement_idx" ON "agreement_actual"  ("agreement_id", "id") `);
    await q.query(
      `CREATE TABLE "agreement_warning" ("agreement_id" integer NOT NULL, "kind" character varying(16) NOT NULL, "pledge" character varying(16) NOT NULL, "since" date NOT NULL, "active" boolean NOT NULL, "episode" integer NOT NULL DEFAULT '1', "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cleared_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ad99fa12fb34df29fc7726fa4be" PRIMARY KEY ("agreement_id", "kind"))`,
    );
    await q.query(`CREATE INDEX "agreement_warning_active_idx" ON "agreement_warning"  ("kind", "agreement_id") WHERE active`);
    await q.query(
      `CREATE TABLE "agreement_recovery_case" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "agreement_id" integer NOT NULL, "released_yuan" bigint NOT NULL, "shortfall" numeric(6,4) NOT NULL, "pledge" character varying(16) NOT NULL, "amount_due_yuan" bigint NOT NULL, "recovered_yuan" bigint NOT NULL DEFAULT '0', "step" character varying(12) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_14c75586dee4c3faf54f307fa45" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "agreement_recovery_case_agreement_key" ON "agreement_recovery_case"  ("agreement_id") `);
    await q.query(`CREATE INDEX "agreement_recovery_step_idx" ON "agreement_recovery_case"  ("step") `);
    await q.query(
      `CREATE TABLE "agreement_recovery_step" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "case_id" integer NOT NULL, "step" character varying(12) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" integer, "reason" character varying(2000) NOT NULL DEFAULT '', "document" character varying(500) NOT NULL DEFAULT '', "amount_yuan" bigint, CONSTRAINT "PK_534f87863432427546f028584da" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "agreement_recovery_step_case_idx" ON "agreement_recovery_step"  ("case_id", "id") `);
    await q.query(
      `ALTER TABLE "agreement_pledge" ADD CONSTRAINT "agreement_pledge_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_tranche" ADD CONSTRAINT "agreement_tranche_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_actual" ADD CONSTRAINT "agreement_actual_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_warning" ADD CONSTRAINT "agreement_warning_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_recovery_case" ADD CONSTRAINT "agreement_recovery_case_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_recovery_step" ADD CONSTRAINT "agreement_recovery_step_case_fk" FOREIGN KEY ("case_id") REFERENCES "agreement_recovery_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agreement_recovery_step"`);
    await q.query(`DROP TABLE "agreement_recovery_case"`);
    await q.query(`DROP TABLE "agreement_warning"`);
    await q.query(`DROP TABLE "agreement_actual"`);
    await q.query(`DROP TABLE "agreement_tranche"`);
    await q.query(`DROP TABLE "agreement_pledge"`);
    await q.query(`DROP TABLE "agreement"`);
  }
}
