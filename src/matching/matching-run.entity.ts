import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '../platform/database/transformers.js';

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed';
export type RunTrigger = 'manual' | 'scheduled';

/** A full re-match: every enterprise against every published project, in chunks of enterprise ids. */
@Entity('matching_run')
@Index('matching_run_job_key', ['jobKey'], { unique: true })
export class MatchingRun {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 12 })
  trigger: RunTrigger;

  /** The scheduler's job id for scheduled runs (one run per occurrence). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  jobKey: string | null;

  @Column({ type: 'int', nullable: true })
  requestedBy: number | null;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: RunStatus;

  @Column({ type: 'int' })
  chunkSize: number;

  @Column({ type: 'int', default: 0 })
  chunksTotal: number;

  @Column({ type: 'int', default: 0 })
  chunksDone: number;

  @Column({ type: 'int', default: 0 })
  enterprises: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  pairsScored: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  matchesWritten: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  matchesWithdrawn: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  eventsWritten: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  eligibilityWritten: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

export type ChunkStatus = 'pending' | 'running' | 'done' | 'failed';

/** One chunk of a run: a range of enterprise ids, matched by one job (retried after a crash). */
@Entity('matching_run_chunk')
export class MatchingRunChunk {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'matching_run_chunk_pkey' })
  runId: number;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'matching_run_chunk_pkey' })
  chunkNo: number;

  @ManyToOne(() => MatchingRun, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'matching_run_chunk_run_fk' })
  run?: MatchingRun;

  @Column({ type: 'int' })
  fromEnterpriseId: number;

  @Column({ type: 'int' })
  toEnterpriseId: number;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: ChunkStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', default: 0 })
  pairsScored: number;

  @Column({ type: 'int', default: 0 })
  matchesWritten: number;

  @Column({ type: 'int', default: 0 })
  matchesWithdrawn: number;

  @Column({ type: 'int', default: 0 })
  eventsWritten: number;

  @Column({ type: 'int', default: 0 })
  eligibilityWritten: number;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
