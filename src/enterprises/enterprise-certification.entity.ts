import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Enterprise } from './enterprise.entity.js';
import type { CertificationKind, CertificationStatus } from './enterprise.vocabulary.js';

/** A certification the enterprise claims; an officer verifies or rejects it. */
@Entity('enterprise_certification')
@Index('enterprise_certification_kind_key', ['enterpriseId', 'kind'], { unique: true })
export class EnterpriseCertification {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne('Enterprise', 'certifications', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'enterprise_certification_enterprise_fk' })
  enterprise?: Enterprise;

  @Column({ type: 'int' })
  enterpriseId: number;

  @Column({ type: 'varchar', length: 40 })
  kind: CertificationKind;

  @Column({ type: 'varchar', length: 10, default: 'claimed' })
  status: CertificationStatus;

  /** Certificate or list number, when the enterprise gives one. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  certificateNo: string | null;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** The user who verified or rejected it (accounts arrive with the access-control module). */
  @Column({ type: 'int', nullable: true })
  reviewedBy: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reviewNote: string | null;

  /** The attached certificate (PDF/image) in the file storage; its type as its bytes say, its name as uploaded. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  evidenceKey: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  evidenceContentType: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  evidenceFileName: string | null;

  @Column({ type: 'int', nullable: true })
  evidenceSize: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  evidenceUploadedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
