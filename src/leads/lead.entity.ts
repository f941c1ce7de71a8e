import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Bureau } from '../accounts/bureau.entity.js';
import { User } from '../accounts/user.entity.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Match } from '../matching/match.entity.js';
import { bigintToNumber } from '../platform/database/transformers.js';
import { Project } from '../projects/project.entity.js';
import { Region } from '../reference/region.entity.js';
import type { LeadSource, LeadStage, SigningKind } from './lead.vocabulary.js';

/**
 * 线索: an enterprise and a project (or a general interest in a region) an officer works on.
 *
 * Designed for a million rows listed by region: the region is stored at its three GB/T 2260
 * levels (`provinceCode`, `cityCode`, `regionCode`), each leading a b-tree index ordered like the
 * default list (last activity, newest first) and covering the usual filters (stage, owner,
 * follow-up date), so "my county's leads, page 1" is a short index range scan and its count an
 * index-only scan. (A GIN path array, as other tables use, answers "in 开封市" but cannot return
 * rows in order.)
 *
 * Count once: `signingKind` is `new` for the one signing that founds a project (a unique index
 * allows one per project) and `increase` for a later signing on it (增资扩产), whose amounts are
 * the increase only.
 */
@Entity('lead')
@Index('lead_county_list_idx', { synchronize: false })
@Index('lead_city_list_idx', { synchronize: false })
@Index('lead_province_list_idx', { synchronize: false })
@Index('lead_owner_list_idx', { synchronize: false })
@Index('lead_follow_up_idx', { synchronize: false })
@Index('lead_owner_follow_up_idx', { synchronize: false })
@Index('lead_county_follow_up_idx', { synchronize: false })
@Index('lead_industry_path_gin', { synchronize: false })
@Index('lead_search_gin', { synchronize: false })
@Index('lead_open_project_key', { synchronize: false })
@Index('lead_open_region_key', { synchronize: false })
@Index('lead_project_signing_key', { synchronize: false })
@Index('lead_match_key', { synchronize: false })
@Index('lead_enterprise_idx', ['enterpriseId'])
@Index('lead_project_idx', ['projectId'])
@Index('lead_bureau_idx', ['bureauId'])
export class Lead {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => Enterprise, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'lead_enterprise_fk' })
  enterprise?: Enterprise;

  @Column({ type: 'int' })
  enterpriseId: number;

  /** The project, or null for a general interest in `regionCode`. */
  @ManyToOne(() => Project, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lead_project_fk' })
  project?: Project | null;

  @Column({ type: 'int', nullable: true })
  projectId: number | null;

  /** The match the lead came from (source interest or match); one lead per match. */
  @ManyToOne(() => Match, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'lead_match_fk' })
  match?: Match | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  matchId: number | null;

  @Column({ type: 'varchar', length: 10 })
  source: LeadSource;

  /** The project's region, or the region of interest (province, city or county). */
  @ManyToOne(() => Region, { nullable: false })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'lead_region_fk' })
  region?: Region;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  /** The city-level ancestor of the region (itself when the region is a city; null for a province). */
  @Column({ type: 'char', length: 6, nullable: true })
  cityCode: string | null;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  /** The project's industries, or the enterprise's for a general interest; the first is the primary one (figures). */
  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryCodes: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryPath: string[];

  /** The bureau working the lead (its owner's bureau, or the deepest bureau covering the region while unassigned). */
  @ManyToOne(() => Bureau, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'bureau_id', foreignKeyConstraintName: 'lead_bureau_fk' })
  bureau?: Bureau | null;

  @Column({ type: 'int', nullable: true })
  bureauId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'lead_owner_fk' })
  owner?: User | null;

  @Column({ type: 'int', nullable: true })
  ownerId: number | null;

  @Column({ type: 'varchar', length: 12, default: 'new' })
  stage: LeadStage;

  @Column({ type: 'timestamptz' })
  stageChangedAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lostReason: string | null;

  /** The stage the lead was lost at (reopening goes back no further). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  lostFromStage: LeadStage | null;

  /** What the enterprise says it may invest (意向投资额), before signing. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  expectedInvestmentYuan: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  signingKind: SigningKind | null;

  /** For an increase: the lead whose signing founded the project. */
  @ManyToOne(() => Lead, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'increase_of_lead_id', foreignKeyConstraintName: 'lead_increase_of_fk' })
  increaseOf?: Lead | null;

  @Column({ type: 'int', nullable: true })
  increaseOfLeadId: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  signedAmountYuan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  startedAmountYuan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  producingAmountYuan: number | null;

  /** When each stage was reached; null for a stage that was skipped (figures treat it as reached with the next). */
  @Column({ type: 'timestamptz', nullable: true })
  contactedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  negotiatingAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  producingAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lostAt: Date | null;

  /** Next follow-up (Asia/Shanghai date). */
  @Column({ type: 'date', nullable: true })
  nextFollowUpOn: string | null;

  /** The last entry on the timeline; a lead idle longer than its bureau's limit triggers a reminder. */
  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;

  /** Identity of an imported lead (re-importing the same file finds it). */
  @Index('lead_import_key', { unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  importKey: string | null;

  /** jieba tokens of the enterprise's name, the project's title and the region (to_tsvector('simple', …) is indexed). */
  @Column({ type: 'text', default: '', select: false })
  searchText: string;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  /** Set from the application's clock (reminders and figures are tested with a fake one). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
