import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BigIdColumn } from '../platform/database/big-id.js';
import type { Lead } from './lead.entity.js';
import type { ActivityKind, LeadStage } from './lead.vocabulary.js';

/** One entry on a lead's timeline: the officer's work (call, visit, meeting, note) or a recorded change. */
@Entity('lead_activity')
@Index('lead_activity_lead_idx', ['leadId', 'occurredAt'])
export class LeadActivity {
  @BigIdColumn()
  id: number;

  @ManyToOne('Lead', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'lead_activity_lead_fk' })
  lead?: Lead;

  @Column({ type: 'int' })
  leadId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ActivityKind;

  /** When it happened (an officer may log a call after the fact). */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** Who did it (null: the system, e.g. automatic assignment). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 2000, default: '' })
  summary: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStage: LeadStage | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  toStage: LeadStage | null;

  @Column({ type: 'int', nullable: true })
  fromOwnerId: number | null;

  @Column({ type: 'int', nullable: true })
  toOwnerId: number | null;

  /** Details of a change (amounts, dates, reasons), for the timeline. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
