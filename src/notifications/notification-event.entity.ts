import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { BigIdColumn } from '../platform/database/big-id.js';

export const NOTIFICATION_EVENT_TYPES = {
  'match.new': '新的匹配',
  'match.improved': '匹配度明显提高',
  'match.interested': '企业表示感兴趣',
  'incentive.granted': '免申即享政策已符合',
} as const;
export type NotificationEventType = keyof typeof NOTIFICATION_EVENT_TYPES;

/**
 * Something that may deserve a message, written in the same transaction as its cause (a new or
 * materially better match, an enterprise's interest, a 免申即享 incentive it became eligible
 * for). The notifications module turns unprocessed events into messages (instantly or in
 * digests) and marks them processed; ids only, no personal data.
 */
@Entity('notification_event')
@Index('notification_event_pending_idx', ['id'], { where: 'processed_at IS NULL' })
@Index('notification_event_enterprise_idx', ['enterpriseId', 'id'])
export class NotificationEvent {
  @BigIdColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  type: NotificationEventType;

  @Column({ type: 'int' })
  enterpriseId: number;

  @Column({ type: 'int', nullable: true })
  projectId: number | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v == null ? v : Number(v)) },
  })
  matchId: number | null;

  @Column({ type: 'int', nullable: true })
  incentiveId: number | null;

  /** The match score at the time of the event. */
  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
