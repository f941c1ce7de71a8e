import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Incentive } from '../policies/incentive.entity.js';

export type StoredEligibility = 'eligible' | 'needs_info' | 'not_eligible';

/**
 * Enterprise × incentive eligibility as the evaluator sees it from the enterprise's own facts
 * (政策找企业), kept current by the matching jobs. Only eligible and needs-more-information pairs
 * are kept, plus pairs once granted without application (免申即享), so the grant is announced once.
 */
@Entity('enterprise_incentive')
@Index('enterprise_incentive_incentive_idx', ['incentiveId', 'status'])
export class EnterpriseIncentive {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'enterprise_incentive_pkey' })
  enterpriseId: number;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'enterprise_incentive_pkey' })
  incentiveId: number;

  @ManyToOne(() => Enterprise, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'enterprise_incentive_enterprise_fk' })
  enterprise?: Enterprise;

  @ManyToOne(() => Incentive, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'incentive_id', foreignKeyConstraintName: 'enterprise_incentive_incentive_fk' })
  incentive?: Incentive;

  @Column({ type: 'varchar', length: 12 })
  status: StoredEligibility;

  /** What the enterprise still has to provide (reasons of the unknown checks). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  missing: string[];

  @Column({ type: 'int' })
  fingerprint: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  basisAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;

  /** When the incentive.granted event was written (免申即享 incentives only). */
  @Column({ type: 'timestamptz', nullable: true })
  grantedAt: Date | null;
}
