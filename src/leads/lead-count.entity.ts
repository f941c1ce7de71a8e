import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LeadSource, LeadStage } from './lead.vocabulary.js';

/**
 * How many leads there are per (region, stage, owner, source), kept by a trigger on `lead`
 * (migration LeadCounts): the list's total for its usual filters is a sum over a few rows.
 */
@Entity('lead_count')
@Index('lead_count_city_idx', ['cityCode'])
@Index('lead_count_province_idx', ['provinceCode'])
export class LeadCount {
  @PrimaryColumn({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'char', length: 6, nullable: true })
  cityCode: string | null;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  stage: LeadStage;

  /** The owner's id; 0 for unassigned. */
  @PrimaryColumn({ type: 'int' })
  ownerKey: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  source: LeadSource;

  @Column({ type: 'int', default: 0 })
  n: number;
}
