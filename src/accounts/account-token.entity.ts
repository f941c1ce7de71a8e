import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity.js';

export type AccountTokenPurpose = 'verify_email' | 'reset_password' | 'invite';

/**
 * A single-use, expiring link sent by e-mail (verify the address, reset the password, accept an
 * invitation). Only the SHA-256 of the token is stored; `usedAt` is set atomically on use.
 */
@Entity('account_token')
@Index('account_token_hash_key', ['tokenHash'], { unique: true })
@Index('account_token_user_idx', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_token_user_fk' })
  user?: User;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  purpose: AccountTokenPurpose;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
