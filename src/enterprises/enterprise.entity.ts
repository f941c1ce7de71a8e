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
import { bigintToNumber, numericToNumber } from '../platform/database/transformers.js';
import { Region } from '../reference/region.entity.js';
import { EnterpriseCertification } from './enterprise-certification.entity.js';
import type { EnterpriseSize, Language, NotificationFrequency } from './enterprise.vocabulary.js';

export interface Contact {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
}

/**
 * An enterprise that registered (企业入驻). Code arrays are stored twice: as entered, and as their
 * closure over the national trees (`*Path`), so "in 开封市" or "in C13" is one GIN-indexed `@>`.
 */
@Entity('enterprise')
@Index('enterprise_industry_path_gin', { synchronize: false })
@Index('enterprise_home_region_path_gin', { synchronize: false })
@Index('enterprise_target_regions_gin', { synchronize: false })
@Index('enterprise_target_region_path_gin', { synchronize: false })
@Index('enterprise_verified_certs_gin', { synchronize: false })
@Index('enterprise_search_gin', { synchronize: false })
export class Enterprise {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  /** 统一社会信用代码 */
  @Index('enterprise_uscc_key', { unique: true })
  @Column({ type: 'char', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryCodes: string[];

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryPath: string[];

  @ManyToOne(() => Region, { nullable: false })
  @JoinColumn({ name: 'home_region_code', foreignKeyConstraintName: 'enterprise_home_region_fk' })
  homeRegion?: Region;

  @Column({ type: 'char', length: 6 })
  homeRegionCode: string;

  @Column({ type: 'char', length: 6, array: true })
  homeRegionPath: string[];

  /** Where it wants to invest, as entered (province, city or county). */
  @Column({ type: 'char', length: 6, array: true, default: () => "'{}'" })
  targetRegionCodes: string[];

  @Column({ type: 'char', length: 6, array: true, default: () => "'{}'" })
  targetRegionPath: string[];

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  investmentMinYuan: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  investmentMaxYuan: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  size: EnterpriseSize | null;

  /** Kept in step with the certification rows, for indexed eligibility queries. */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  verifiedCertifications: string[];

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  pendingCertifications: string[];

  /**
   * The end of validity (YYYY-MM-DD) of the verified and pending claims that have one, by kind; an
   * expired certificate does not count for eligibility (the evaluator and its SQL twin read this).
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  certificationsValidUntil: Record<string, string>;

  @OneToMany(() => EnterpriseCertification, (c) => c.enterprise)
  certifications?: EnterpriseCertification[];

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericToNumber })
  needLandMu: number | null;

  @Column({ type: 'int', nullable: true })
  needWorkforce: number | null;

  /** Other needs in words (logistics, power, financing, talent …). */
  @Column({ type: 'text', default: '' })
  needNotes: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: Contact[];

  @Column({ type: 'varchar', length: 10, default: 'daily' })
  notificationFrequency: NotificationFrequency;

  @Column({ type: 'varchar', length: 5, default: 'zh-CN' })
  notificationLanguage: Language;

  /** jieba tokens of name, description and needs (to_tsvector('simple', …) is indexed). */
  @Column({ type: 'text', default: '', select: false })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
