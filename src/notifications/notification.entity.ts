import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { BigIdColumn } from '../platform/database/big-id.js';
import type { MessageLanguage, NotificationCategory, NotificationStatus } from './notification.vocabulary.js';

/**
 * The notification outbox: one row per message to send, written in the same transaction as the
 * change that causes it (NotificationsService.enqueue). The dedupe key is unique, so enqueueing
 * the same message twice is a no-op. A sender job (payload: the id only) claims the row, checks
 * preferences, renders the template, sends it over SMTP and records the outcome here. Open
 * messages are also listed in `notification_open` (see there); the table has fillfactor 70 and
 * keeps `data` out of line, so the claim and the final update are HOT updates.
 */
@Entity('notification')
@Index('notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index('notification_recipient_user_idx', ['recipientUserId'])
@Index('notification_recipient_enterprise_idx', ['recipientEnterpriseId'])
@Index('notification_region_path_gin', { synchronize: false })
@Index('notification_created_idx', ['createdAt'])
@Index('notification_held_idx', { synchronize: false })
export class Notification {
  @BigIdColumn()
  id: number;

  /** Identifies the message: the same key is never sent as two different messages. */
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16 })
  category: NotificationCategory;

  @Column({ type: 'varchar', length: 60 })
  template: string;

  /** Null: the recipient's language at send time. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  language: MessageLanguage | null;

  @ManyToOne('User', { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'notification_recipient_user_fk' })
  recipientUser?: { id: number } | null;

  @Column({ type: 'int', nullable: true })
  recipientUserId: number | null;

  @ManyToOne(() => Enterprise, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_enterprise_id', foreignKeyConstraintName: 'notification_recipient_enterprise_fk' })
  recipientEnterprise?: Enterprise | null;

  @Column({ type: 'int', nullable: true })
  recipientEnterpriseId: number | null;

  /** The address given (address-only recipients), else the address the message went to. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  recipientEmail: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientName: string | null;

  /** The region the message concerns (closure over GB/T 2260), for officers' scoped lists. */
  @Column({ type: 'char', length: 6, array: true, default: () => "'{}'" })
  regionPath: string[];

  /** What the template renders (a snapshot taken when the message was enqueued). */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  /** SMTP attempts started (a killed worker's attempt counts). */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** While sending: until when the worker that claimed the row owns it. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Our Message-ID header, derived from the dedupe key (stable across retries). */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  /** What the SMTP server called the message when it accepted it (its queue id or reply). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  providerMessageId: string | null;

  /** Attempts made before the latest admin resend (the retry budget counts from here). */
  @Column({ type: 'smallint', default: 0 })
  attemptBase: number;

  @Column({ type: 'timestamptz', nullable: true })
  resentAt: Date | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resent_by', foreignKeyConstraintName: 'notification_resent_by_fk' })
  resentByUser?: { id: number } | null;

  @Column({ type: 'int', nullable: true })
  resentBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
