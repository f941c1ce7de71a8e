import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { BigIdColumn } from '../database/big-id.js';

/**
 * A job to enqueue, written in the same transaction as the change that causes it. The relay
 * copies undispatched rows to BullMQ, so a change committed while Redis is down still runs once
 * Redis is back, and a rolled-back change never runs.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxMessage {
  @BigIdColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  queue: string;

  @Column({ type: 'varchar', length: 100 })
  jobName: string;

  /**
   * Deterministic BullMQ job id; the same job enqueued twice runs once. Without one, the relay
   * uses `outbox-<id>`, so dispatching a row twice (crash before it was marked) is still a no-op.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  jobId: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
