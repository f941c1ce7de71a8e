import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LegalDocumentKind = 'terms' | 'privacy';

/** A published version of the 用户协议 or 隐私政策 (version 1 is the repo's text until an admin publishes another). */
@Entity('legal_document')
@Index('legal_document_kind_version_key', ['kind', 'version'], { unique: true })
export class LegalDocument {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: LegalDocumentKind;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'int', nullable: true })
  publishedByUserId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;
}
