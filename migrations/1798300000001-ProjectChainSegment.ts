import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 补链项目: a project tagged with the chain segment it serves (src/projects; the segment is the
 * chains module's, checked through its port). A segment removed from its chain untags its projects.
 */
export class ProjectChainSegment1798300000001 implements MigrationInterface {
  name = 'ProjectChainSegment1798300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE project ADD COLUMN chain_segment_id integer,
        ADD CONSTRAINT project_chain_segment_fk FOREIGN KEY (chain_segment_id) REFERENCES chain_segment(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX project_chain_segment_idx ON project (chain_segment_id) WHERE chain_segment_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project DROP COLUMN chain_segment_id`);
  }
}
