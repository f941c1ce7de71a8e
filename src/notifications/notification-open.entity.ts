import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../platform/database/transformers.js';
import { Notification } from './notification.entity.js';

/**
 * The messages still open (pending or sending): a row per message from its enqueue until its
 * final status. Kept apart from `notification` so that the two updates of the send path change
 * no indexed column there (they stay HOT updates); the rescuer scans this table.
 */
@Entity('notification_open')
export class NotificationOpen {
  @PrimaryColumn({ type: 'bigint', transformer: bigintToNumber })
  notificationId: number;

  @ManyToOne(() => Notification, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'notification_open_notification_fk' })
  notification?: Notification;
}
