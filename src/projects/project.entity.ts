import type { ChainSegmentRef } from './chain-segments.port.js';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintToNumber, numericToNumber } from '../platform/database/transformers.js';
import { Incentive } from '../policies/incentive.entity.js';
import { Region } from '../reference/region.entity.js';
import { ProjectStageChange } from './project-stage-change.entity.js';
import type { ProjectStage, ProjectStatus } from './project.vocabulary.js';

/** 招商项目: an investment opportunity a region publishes. */
@Entity('project')
@Index('project_region_path_gin', { synchronize: false })
@Index('project_industry_path_gin', { synchronize: false })
@Index('project_search_gin', { synchronize: false })
@Index('project_published_idx', ['status', 'stage'])
@Index('project_chain_segment_idx', { synchronize: false })
export class Project {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  /** The bureau's own project number, unique (imports and re-imports match on it). */
  @Index('project_code_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @ManyToOne(() => Region, { nullable: false })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'project_region_fk' })
  region?: Region;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'char', length: 6, array: true })
  regionPath: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryCodes: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryPath: string[];

  @Column({ type: 'bigint', transformer: bigintToNumber })
  totalInvestmentYuan: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericToNumber })
  landAreaMu: number | null;

  /** 补链项目: the chain segment (src/chains) the project serves, checked through ChainSegmentsPort. */
  @Column({ type: 'int', nullable: true })
  chainSegmentId: number | null;

  // named, not imported: chains/ (the segment table's owner) reads projects, so projects/ imports
  // nothing from chains/; a segment removed from its chain untags its projects (SET NULL)
  @ManyToOne('ChainSegment', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'chain_segment_id', foreignKeyConstraintName: 'project_chain_segment_fk' })
  chainSegmentRow?: { id: number } | null;

  /** Not a column: the tagged segment's names, filled by ProjectsService when read. */
  chainSegment?: ChainSegmentRef | null;

  @Column({ type: 'varchar', length: 12, default: 'planning' })
  stage: ProjectStage;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  stageChangedAt: Date;

  @OneToMany(() => ProjectStageChange, (c) => c.project)
  stageChanges?: ProjectStageChange[];

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: ProjectStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @ManyToMany(() => Incentive)
  @JoinTable({
    name: 'project_incentive',
    joinColumn: { name: 'project_id', foreignKeyConstraintName: 'project_incentive_project_fk' },
    inverseJoinColumn: { name: 'incentive_id', foreignKeyConstraintName: 'project_incentive_incentive_fk' },
  })
  incentives?: Incentive[];

  /** Who to talk to at the bureau (shown publicly). */
  @Column({ type: 'varchar', length: 200, default: '' })
  contactInfo: string;

  @Column({ type: 'text', default: '', select: false })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
