import {
  Check,
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
import type { SegmentTier } from './chain-templates.js';
import type { SegmentStatus } from './chain.vocabulary.js';

/**
 * An industrial chain (产业链) of a region: ordered segments, its 链长 (an officer) and its 链主
 * enterprises. `regionPath` is the region's closure (GIN), so "the chains a 开封市 officer sees"
 * is one `@>`; the map and the targets read enterprises, projects and leads through their own
 * closure arrays (see chains.queries.ts).
 */
@Entity('chain')
@Index('chain_region_path_gin', { synchronize: false })
export class Chain {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @ManyToOne(() => Region, { nullable: false })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'chain_region_fk' })
  region?: Region;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'char', length: 6, array: true })
  regionPath: string[];

  /** The template it was adopted from (chain-templates.ts), if any. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  templateKey: string | null;

  /** 链长: the officer responsible for the chain. */
  @Column({ type: 'int', nullable: true })
  leaderUserId: number | null;

  /** 链主企业: anchor enterprises. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  anchorEnterpriseIds: number[];

  /** Segment status thresholds (chain.vocabulary.ts). */
  @Column({ type: 'smallint', default: 3 })
  strongMin: number;

  @Column({ type: 'smallint', default: 1 })
  weakMin: number;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @OneToMany(() => ChainSegment, (s) => s.chain)
  segments?: ChainSegment[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A segment (环节) of a chain, left to right by `position`, made of GB/T 4754 codes (any level). */
@Entity('chain_segment')
@Check('chain_segment_status_check', "status IN ('strong', 'weak', 'gap')")
@Index('chain_segment_position_key', ['chainId', 'position'], { unique: true })
export class ChainSegment {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => Chain, (c) => c.segments, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'chain_segment_chain_fk' })
  chain?: Chain;

  @Column({ type: 'int' })
  chainId: number;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  tier: SegmentTier | null;

  @Column({ type: 'varchar', length: 5, array: true })
  industryCodes: string[];

  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  keywords: string[];

  /** The status as last computed (ChainsService.refreshStatuses): what matching's chain factor reads. */
  @Column({ type: 'varchar', length: 6, default: 'gap' })
  status: SegmentStatus;

  /** Local presence (enterprises + landed leads) when the status was computed. */
  @Column({ type: 'int', default: 0 })
  presence: number;
}
