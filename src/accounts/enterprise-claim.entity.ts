import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';

export type ClaimStatus = 'pending' | 'approved' | 'rejected';
export type ClaimDecidedVia = 'mail' | 'officer';

/**
 * 认领: a sign-up for an enterprise already on record (registered by staff or by import). No account
 * exists until the claim is confirmed through the single-use link mailed to the enterprise's contact
 * address on record, or approved by an officer of its home region; until then the claim holds the
 * applicant's name, address and password hash.
 */
@Entity('enterprise_claim')
@Index('enterprise_claim_region_idx', ['regionCode', 'createdAt'], { where: `status = 'pending'` })
@Index('enterprise_claim_pending_key', ['enterpriseId', 'email'], { unique: true, where: `status = 'pending'` })
@Index('enterprise_claim_token_key', ['tokenHash'], { unique: true, where: 'token_hash IS NOT NULL' })
export class EnterpriseClaim {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => Enterprise, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'enterprise_claim_enterprise_fk' })
  enterprise?: Enterprise;

  @Column({ type: 'int' })
  enterpriseId: number;

  /** The enterprise's home region when claimed: which officers see the claim. */
  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'int', nullable: true })
  termsVersion: number | null;

  @Column({ type: 'int', nullable: true })
  privacyVersion: number | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: ClaimStatus;

  /** Where the confirmation link went (the enterprise's first contact e-mail on record), or null when it has none. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'char', length: 64, nullable: true, select: false })
  tokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  tokenExpiresAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  decidedVia: ClaimDecidedVia | null;

  @Column({ type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  /** The account created when the claim was confirmed or approved. */
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
