import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MatchFrequency, MessageLanguage } from './notification.vocabulary.js';

/**
 * A user's own notification preferences (one row, created on first change). Null means "the
 * default": for enterprise users their enterprise's setting (enterprise.notification_frequency /
 * notification_language, the 企业入驻 profile), for staff instant match alerts in Chinese.
 * Checked when a message is sent, not when it is enqueued.
 */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_preference_user_fk' })
  user?: { id: number };

  /** Match mail: instant, daily or weekly digest, or off. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  matchFrequency: MatchFrequency | null;

  /** Follow-up reminders and summaries (officers). */
  @Column({ type: 'boolean', default: true })
  reminders: boolean;

  /**
   * Staff: also the 招商动态 of the whole region (matches and interests that another bureau — e.g. a
   * county's, seen from the city — is responsible for). Off by default: alerts go to the lead's owner and its bureau.
   */
  @Column({ type: 'boolean', default: false })
  regionAlerts: boolean;

  @Column({ type: 'varchar', length: 5, nullable: true })
  language: MessageLanguage | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
