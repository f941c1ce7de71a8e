import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationCategory } from './notification.vocabulary.js';

/**
 * An address that unsubscribed from a category without having an account (messages enqueued to
 * a bare address). Users and enterprises keep their choice in their preferences instead.
 */
@Entity('notification_suppression')
export class NotificationSuppression {
  /** Lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  category: NotificationCategory;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
