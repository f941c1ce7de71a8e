import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BigIdColumn } from '../platform/database/big-id.js';
import { bigintToNumber } from '../platform/database/transformers.js';
import type {
  ActualKind,
  AgreementStatus,
  PledgeKind,
  PledgeStatus,
  RecoveryStep,
  TrancheCondition,
  TrancheState,
  WarningKind,
} from './agreement.vocabulary.js';
import type { PledgeTerms } from './pledge-status.js';

/**
 * 投资协议 on a signed lead (one per lead). The region is the lead's, kept at its three GB/T 2260
 * levels like the lead's, so a region-scoped list or figure is one equality on an indexed column.
 * `status`, `capitalYuan` and the pledge/tranche states are the evaluator's last word (refreshed on
 * every actual, release and the daily run).
 */
@Entity('agreement')
@Index('agreement_county_idx', ['regionCode', 'id'])
@Index('agreement_city_idx', ['cityCode', 'id'])
@Index('agreement_province_idx', ['provinceCode', 'id'])
@Index('agreement_enterprise_idx', ['enterpriseId'])
@Index('agreement_industry_path_gin', { synchronize: false })
export class Agreement {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('agreement_lead_key', { unique: true })
  @Column({ type: 'int' })
  leadId: number;

  @Column({ type: 'int' })
  enterpriseId: number;

  @Column({ type: 'int', nullable: true })
  projectId: number | null;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'char', length: 6, nullable: true })
  cityCode: string | null;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  @Column({ type: 'date' })
  signedOn: string;

  /** The lead's industries with their ancestors (GB/T 4754), as at the signing: figures by industry or chain are one GIN probe. */
  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  industryPath: string[];

  /** The pledges as signed (any subset of the fields of PledgeTerms). */
  @Column({ type: 'jsonb' })
  terms: PledgeTerms;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  pledgedInvestmentYuan: number | null;

  /** Capital in place (到资) as of the last evaluation. */
  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  capitalYuan: number;

  @Column({ type: 'varchar', length: 12, default: 'performing' })
  status: AgreementStatus;

  @Column({ type: 'date', nullable: true })
  evaluatedOn: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** One pledge of an agreement and its status as of the last evaluation. */
@Entity('agreement_pledge')
@Index('agreement_pledge_status_idx', ['status'])
export class AgreementPledge {
  @PrimaryColumn({ type: 'int' })
  agreementId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: PledgeKind;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_pledge_agreement_fk' })
  agreement?: Agreement;

  /** Yuan, yuan per 亩 or jobs; null for a date pledge. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  target: number | null;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 12 })
  status: PledgeStatus;

  @Column({ type: 'date' })
  statusSince: string;
}

/** An incentive tranche the agreement promises, and its release (four-eyes: requested by one officer, approved by another). */
@Entity('agreement_tranche')
@Index('agreement_tranche_agreement_idx', ['agreementId', 'position'])
@Index('agreement_tranche_state_idx', ['state'])
export class AgreementTranche {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_tranche_agreement_fk' })
  agreement?: Agreement;

  @Column({ type: 'int' })
  agreementId: number;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountYuan: number;

  @Column({ type: 'int', nullable: true })
  incentiveId: number | null;

  @Column({ type: 'varchar', length: 16 })
  condition: TrancheCondition;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  state: TrancheState;

  @Column({ type: 'int', nullable: true })
  requestedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  requestedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  approvedBy: number | null;

  @Column({ type: 'date', nullable: true })
  releasedOn: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  releasedYuan: number | null;
}

/** What happened (到资, milestones, annual figures, jobs): append-only; a correction is a new entry naming the one it corrects. */
@Entity('agreement_actual')
@Index('agreement_actual_agreement_idx', ['agreementId', 'id'])
export class AgreementActual {
  @BigIdColumn()
  id: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_actual_agreement_fk' })
  agreement?: Agreement;

  @Column({ type: 'int' })
  agreementId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ActualKind;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountYuan: number | null;

  @Column({ type: 'int', nullable: true })
  count: number | null;

  /** Where the figure comes from (统计报表, 税务部门, 现场核查 …). */
  @Column({ type: 'varchar', length: 200 })
  source: string;

  /** The attached document (its reference or file name) or a note. */
  @Column({ type: 'varchar', length: 500, default: '' })
  document: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  note: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  correctsId: number | null;

  @Column({ type: 'int', nullable: true })
  recordedBy: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

/** A warning's state per agreement and kind: raised once per episode (notified then), cleared when it no longer holds. */
@Entity('agreement_warning')
@Index('agreement_warning_active_idx', ['kind', 'agreementId'], { where: 'active' })
export class AgreementWarning {
  @PrimaryColumn({ type: 'int' })
  agreementId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: WarningKind;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_warning_agreement_fk' })
  agreement?: Agreement;

  @Column({ type: 'varchar', length: 16 })
  pledge: PledgeKind;

  @Column({ type: 'date' })
  since: string;

  @Column({ type: 'boolean' })
  active: boolean;

  /** How many times it was raised (each raise is one notification to each recipient). */
  @Column({ type: 'int', default: 1 })
  episode: number;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;
}

/** 追回: opened when a pledge is breached after tranches were released; one per agreement. */
@Entity('agreement_recovery_case')
@Index('agreement_recovery_step_idx', ['step'])
export class RecoveryCase {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('agreement_recovery_case_agreement_key', { unique: true })
  @Column({ type: 'int' })
  agreementId: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_recovery_case_agreement_fk' })
  agreement?: Agreement;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  releasedYuan: number;

  @Column({ type: 'numeric', precision: 6, scale: 4, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  shortfall: number;

  @Column({ type: 'varchar', length: 16 })
  pledge: PledgeKind;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountDueYuan: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  recoveredYuan: number;

  @Column({ type: 'varchar', length: 12 })
  step: RecoveryStep;

  @Column({ type: 'timestamptz' })
  openedAt: Date;
}

@Entity('agreement_recovery_step')
@Index('agreement_recovery_step_case_idx', ['caseId', 'id'])
export class RecoveryCaseStep {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => RecoveryCase, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'agreement_recovery_step_case_fk' })
  case?: RecoveryCase;

  @Column({ type: 'int' })
  caseId: number;

  @Column({ type: 'varchar', length: 12 })
  step: RecoveryStep;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 2000, default: '' })
  reason: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  document: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountYuan: number | null;
}
