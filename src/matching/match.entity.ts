import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { BigIdColumn } from '../platform/database/big-id.js';
import { Project } from '../projects/project.entity.js';
import type { MatchStatus } from './match.vocabulary.js';

export interface ScoreFactor {
  factor: string;
  /** 0–1 fit of this factor. */
  fit: number;
  weight: number;
  /** fit × weight, the factor's share of the 0–100 score. */
  points: number;
  reason: string;
}

/** One enterprise × project pair above the score threshold, with its explanation. */
@Entity('match')
@Index('match_pair_key', ['enterpriseId', 'projectId'], { unique: true })
@Index('match_project_score_idx', ['projectId', 'score'])
// an enterprise's matches (a few dozen) are found through match_pair_key; no (enterprise, score) index to maintain on every write
export class Match {
  @BigIdColumn()
  id: number;

  @ManyToOne(() => Enterprise, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'match_enterprise_fk' })
  enterprise?: Enterprise;

  @Column({ type: 'int' })
  enterpriseId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'match_project_fk' })
  project?: Project;

  @Column({ type: 'int' })
  projectId: number;

  @Column({ type: 'smallint' })
  score: number;

  /**
   * What each factor found, as small integers and codes (scoring/stored.ts); the breakdown and
   * reasons are spelled out from it when the match is read (MatchExplanations). Null for a row
   * written before verdicts were stored: it is explained by scoring afresh until re-matched.
   */
  @Column({ type: 'bytea', nullable: true })
  verdict: Buffer | null;

  /** Null when none (most matches): a NULL costs a bit, an empty array 13 bytes. */
  @Column({ type: 'int', array: true, nullable: true })
  eligibleIncentiveIds: number[] | null;

  @Column({ type: 'int', array: true, nullable: true })
  needsInfoIncentiveIds: number[] | null;

  @Column({ type: 'varchar', length: 12, default: 'new' })
  status: MatchStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  /** The score when the enterprise was last told about this match (for "materially better"). */
  @Column({ type: 'smallint', nullable: true })
  notifiedScore: number | null;

  /** The score when it was dismissed; it resurfaces only if the score rises materially. */
  @Column({ type: 'smallint', nullable: true })
  dismissedScore: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;

  /** Hash of everything the match shows (score, each factor's verdict, incentives): a re-run with an equal fingerprint writes nothing. */
  @Column({ type: 'int', default: 0 })
  fingerprint: number;

  /** When the inputs it was computed from were read; an older computation never overwrites a newer one. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  basisAt: Date;

  /** Set when the pair no longer matches (project closed or unpublished, profile changed); kept so a dismissal is remembered. */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /** The score of the last match.new / match.improved event ("materially better" is measured from here). */
  @Column({ type: 'smallint', nullable: true })
  announcedScore: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  announcedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
