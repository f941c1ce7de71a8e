import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A login. The client holds a random token (cookie for browsers, bearer for API clients); only its
 * SHA-256 is stored, so a database leak does not leak sessions. Logout deletes the row.
 */
@Entity('session')
@Index('session_token_key', ['tokenHash'], { unique: true })
@Index('session_user_idx', ['userId'])
export class Session {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  // named, not imported: access/ is the kernel and imports nothing from accounts/ (the user table's owner)
  @ManyToOne('User', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'session_user_fk' })
  user?: { id: number };

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: 'browser' | 'api';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  userAgent: string;
}
