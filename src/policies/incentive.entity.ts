import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintToNumber } from '../platform/database/transformers.js';
import type { Condition } from './eligibility/conditions.js';
import type { Policy } from './policy.entity.js';
import type { IncentiveKind } from './policy.vocabulary.js';

/** 扶持措施: one benefit inside a policy, with eligibility conditions kept as data. */
@Entity('incentive')
@Index('incentive_policy_idx', ['policyId'])
export class Incentive {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne('Policy', 'incentives', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'incentive_policy_fk' })
  policy?: Policy;

  @Column({ type: 'int' })
  policyId: number;

  @Column({ type: 'varchar', length: 12 })
  kind: IncentiveKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** 免申即享: applied to eligible enterprises without an application. */
  @Column({ type: 'boolean', default: false })
  grantedWithoutApplication: boolean;

  /** All must hold (see eligibility/conditions.ts); validated when saved. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  conditions: Condition[];

  /** The most the benefit is worth, when the policy says (whole yuan). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  maxAmountYuan: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
