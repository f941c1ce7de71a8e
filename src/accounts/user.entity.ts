import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import type { Role } from '../access/actor.js';
import { Bureau } from './bureau.entity.js';

/** An account: platform admin, bureau officer or lead (with a bureau), or enterprise user (with an enterprise). */
@Entity('app_user')
@Index('app_user_email_key', ['email'], { unique: true })
@Index('app_user_bureau_idx', ['bureauId'])
@Index('app_user_enterprise_idx', ['enterpriseId'])
export class User {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** Staff: the phone an enterprise calls about its lead (shown on 我的线索). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  /** argon2id; null until the user sets one (invitation). */
  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 12 })
  role: Role;

  @ManyToOne(() => Bureau, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bureau_id', foreignKeyConstraintName: 'app_user_bureau_fk' })
  bureau?: Bureau | null;

  @Column({ type: 'int', nullable: true })
  bureauId: number | null;

  @ManyToOne(() => Enterprise, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'app_user_enterprise_fk' })
  enterprise?: Enterprise | null;

  @Column({ type: 'int', nullable: true })
  enterpriseId: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** The 用户协议 / 隐私政策 versions the account agreed to at sign-up (null: created by staff or before consent was asked). */
  @Column({ type: 'int', nullable: true })
  termsVersion: number | null;

  @Column({ type: 'int', nullable: true })
  privacyVersion: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  termsAcceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
