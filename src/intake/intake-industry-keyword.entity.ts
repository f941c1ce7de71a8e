import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An industry keyword an admin added to the shipped table (recognition/industry-keywords.csv), e.g. 黄金梨 → A0151. */
@Entity('intake_industry_keyword')
export class IntakeIndustryKeyword {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('intake_industry_keyword_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  keyword: string;

  @Column({ type: 'varchar', length: 5, array: true })
  codes: string[];

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
