import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Region } from '../reference/region.entity.js';

/** 招商局 / 投资促进局: officers belong to one; its scope is a GB/T 2260 region subtree. */
@Entity('bureau')
@Index('bureau_region_idx', ['regionCode'])
export class Bureau {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @ManyToOne(() => Region, { nullable: false })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'bureau_region_fk' })
  region?: Region;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  /** A lead idle longer than this many days triggers a reminder. */
  @Column({ type: 'smallint', default: 14 })
  idleLimitDays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
