import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IntakeDocument } from './intake-document.entity.js';
import { IntakeDraft } from './intake-draft.entity.js';

/** Where an accepted record came from: the document, the draft, and the sentence (offsets + quote) that named it. */
@Entity('intake_record_source')
@Index('intake_record_source_record_key', ['recordType', 'recordId'], { unique: true })
@Index('intake_record_source_document_idx', ['documentId'])
export class IntakeRecordSource {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'intake_record_source_pkey' })
  id: number;

  @Column({ type: 'varchar', length: 10 })
  recordType: 'project' | 'policy' | 'incentive';

  @Column({ type: 'int' })
  recordId: number;

  @ManyToOne(() => IntakeDocument, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'intake_record_source_document_fk' })
  document?: IntakeDocument;

  @Column({ type: 'int' })
  documentId: number;

  @ManyToOne(() => IntakeDraft, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'intake_record_source_draft_fk' })
  draft?: IntakeDraft;

  @Column({ type: 'int' })
  draftId: number;

  /** Offsets (UTF-16) of the name in the document's text. */
  @Column({ type: 'int' })
  start: number;

  @Column({ type: 'int' })
  end: number;

  /** The sentence around the name, as the record's page quotes it. */
  @Column({ type: 'text' })
  quote: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
