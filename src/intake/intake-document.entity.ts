import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentFormat, DocumentStatus } from './intake.vocabulary.js';

/** An uploaded 政府工作报告, 招商 article or 政策文件: its text, its region, and how far extraction has got. */
@Entity('intake_document')
@Index('intake_document_region_path_gin', { synchronize: false })
@Index('intake_document_creator_idx', ['createdBy', 'id'])
export class IntakeDocument {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  sourceUrl: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  fileName: string;

  /** The uploaded file as it came, in the file storage (null: pasted or JSON text). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  fileKey: string | null;

  @Column({ type: 'varchar', length: 8 })
  format: DocumentFormat;

  /** The document's own region (given, or recognised from its title and opening); null: none found (admins only). */
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;

  /** The region's path, GIN-indexed, for region-scoped reads. */
  @Column({ type: 'char', length: 6, array: true, default: () => "'{}'" })
  regionPath: string[];

  /** The plain text; evidence offsets point into it. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 12, default: 'processing' })
  status: DocumentStatus;

  /** 0–100 while processing. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** Why extraction failed, in Chinese for the officer. */
  @Column({ type: 'text', nullable: true })
  failure: string | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
