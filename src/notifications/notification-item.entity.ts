import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { BigIdColumn } from '../platform/database/big-id.js';
import { bigintToNumber } from '../platform/database/transformers.js';
import type { NotificationEventType } from './notification-event.entity.js';

export type ItemKind = 'match' | 'incentive' | 'officer_match' | 'officer_interest';
/** Why an officer got an alert: owns the lead; leads the bureau working it; in the responsible bureau; opted in. */
export type AlertReason = 'owner' | 'bureau_lead' | 'bureau' | 'subscribed';

/**
 * One thing a recipient should hear about (a match, a 免申即享 incentive, an enterprise's
 * interest), made from a notification_event. Pending items (no notification yet) are unique per
 * recipient and subject, so a digest lists each match once however many events arrived; a digest
 * claims its items by setting `notificationId` in the transaction that enqueues it.
 */
@Entity('notification_item')
@Index('notification_item_pending_key', ['recipientKey', 'subjectKey'], { unique: true, where: 'notification_id IS NULL' })
@Index('notification_item_notification_idx', ['notificationId'])
@Index('notification_item_match_idx', ['matchId'])
export class NotificationItem {
  @BigIdColumn()
  id: number;

  /** `u:<userId>` (an account) or `e:<enterpriseId>` (an enterprise without accounts: its contact). */
  @Column({ type: 'varchar', length: 24 })
  recipientKey: string;

  @ManyToOne('User', { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'notification_item_recipient_user_fk' })
  recipientUser?: { id: number } | null;

  @Column({ type: 'int', nullable: true })
  recipientUserId: number | null;

  @ManyToOne(() => Enterprise, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_enterprise_id', foreignKeyConstraintName: 'notification_item_recipient_enterprise_fk' })
  recipientEnterprise?: Enterprise | null;

  @Column({ type: 'int', nullable: true })
  recipientEnterpriseId: number | null;

  @Column({ type: 'varchar', length: 20 })
  kind: ItemKind;

  /** `m:<matchId>`, `x:<matchId>` (interest) or `i:<incentiveId>`. */
  @Column({ type: 'varchar', length: 40 })
  subjectKey: string;

  @ManyToOne('Match', { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'notification_item_match_fk' })
  match?: { id: number } | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  matchId: number | null;

  @Column({ type: 'int', nullable: true })
  projectId: number | null;

  @Column({ type: 'int' })
  enterpriseId: number;

  @Column({ type: 'int', nullable: true })
  incentiveId: number | null;

  @Column({ type: 'varchar', length: 40 })
  eventType: NotificationEventType;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  eventId: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** Officers' alerts: why this recipient got it (null for enterprise items). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  reason: AlertReason | null;

  /** The message that carried it; null while pending. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  notificationId: number | null;
}
