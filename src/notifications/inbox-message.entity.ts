import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BigIdColumn } from '../platform/database/big-id.js';
import type { InboxKind } from './inbox.vocabulary.js';

/**
 * 消息中心: one in-app message to one user (a new match, an interest, an assignment, a follow-up
 * due, a certification reviewed, an agreement warning), linking to its page. Written only by the
 * notifications module's inbox functions, in the transaction of its cause.
 */
@Entity('inbox_message')
@Index('inbox_message_dedupe_idx', ['userId', 'dedupeKey'], { unique: true })
@Index('inbox_message_user_idx', ['userId', 'id'])
@Index('inbox_message_unread_idx', ['userId'], { where: 'read_at IS NULL' })
export class InboxMessage {
  @BigIdColumn()
  id: number;

  // named, not imported: accounts/ (the user table's owner) sends through notifications/, so
  // notifications/ imports nothing from accounts/
  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'inbox_message_user_fk' })
  user?: { id: number };

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 30 })
  kind: InboxKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  body: string;

  /** A path inside the site (/console/leads/12). */
  @Column({ type: 'varchar', length: 300 })
  link: string;

  /** The occurrence: the same key for the same user is written once. */
  @Column({ type: 'varchar', length: 120 })
  dedupeKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
