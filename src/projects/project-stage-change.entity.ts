import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Project } from './project.entity.js';
import type { ProjectStage } from './project.vocabulary.js';

/** The record of each stage a project reached, and when. */
@Entity('project_stage_change')
@Index('project_stage_change_project_idx', ['projectId', 'changedAt'])
export class ProjectStageChange {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne('Project', 'stageChanges', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_stage_change_project_fk' })
  project?: Project;

  @Column({ type: 'int' })
  projectId: number;

  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStage: ProjectStage | null;

  @Column({ type: 'varchar', length: 12 })
  toStage: ProjectStage;

  /** When the stage was reached (may be back-dated by the officer, never in the future). */
  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ type: 'int', nullable: true })
  changedBy: number | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;
}
