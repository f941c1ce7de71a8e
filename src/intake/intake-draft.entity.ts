import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IntakeDocument } from './intake-document.entity.js';
import type { DraftEvidence, DraftKind, DraftStatus } from './intake.vocabulary.js';

/** A project, policy or incentive read from a document, waiting for an officer to accept (采用) or reject (忽略) it. */
@Entity('intake_draft')
@Index('intake_draft_document_idx', ['documentId', 'position'])
export class IntakeDraft {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => IntakeDocument, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'intake_draft_document_fk' })
  document?: IntakeDocument;

  @Column({ type: 'int' })
  documentId: number;

  /** Order within the document (the order the text names them). */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  kind: DraftKind;

  @Column({ type: 'varchar', length: 10, default: 'proposed' })
  status: DraftStatus;

  /** The extracted fields (see extraction/extract.ts); the accepted edit replaces them. */
  @Column({ type: 'jsonb' })
  fields: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: DraftEvidence[];

  @Column({ type: 'real' })
  confidence: number;

  /** What accepting it created: a project or a policy (an incentive is created inside a policy). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  createdType: 'project' | 'policy' | 'incentive' | null;

  @Column({ type: 'int', nullable: true })
  createdId: number | null;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
