import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Region } from '../reference/region.entity.js';
import type { Incentive } from './incentive.entity.js';
import type { PolicyStatus } from './policy.vocabulary.js';

/** 惠企政策: a document granting support, issued by an authority for a region. */
@Entity('policy')
@Index('policy_region_path_gin', { synchronize: false })
@Index('policy_search_gin', { synchronize: false })
@Index('policy_region_idx', ['regionCode'])
export class Policy {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** 发文机关 */
  @Column({ type: 'varchar', length: 200 })
  issuer: string;

  /** The region the policy applies to (its whole subtree). */
  @ManyToOne(() => Region, { nullable: false })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'policy_region_fk' })
  region?: Region;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'char', length: 6, array: true })
  regionPath: string[];

  /** 文号, e.g. 豫发改社会〔2023〕123号 */
  @Column({ type: 'varchar', length: 100, default: '' })
  documentNumber: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', default: '' })
  sourceText: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  sourceUrl: string;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: PolicyStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @OneToMany('Incentive', 'policy')
  incentives?: Incentive[];

  @Column({ type: 'text', default: '', select: false })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
