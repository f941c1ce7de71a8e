import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../accounts/bureau.entity.js';
import { User } from '../accounts/user.entity.js';

/**
 * A bureau's rule for automatic assignment: new leads in `regionCode`'s subtree and/or
 * `industryCode`'s subtree go to `userId` (round-robin with the other officers whose rules match
 * as specifically). A null code matches everything.
 */
@Entity('lead_assignment_rule')
@Index('lead_assignment_rule_bureau_idx', ['bureauId'])
export class LeadAssignmentRule {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @ManyToOne(() => Bureau, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id', foreignKeyConstraintName: 'lead_assignment_rule_bureau_fk' })
  bureau?: Bureau;

  @Column({ type: 'int' })
  bureauId: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'lead_assignment_rule_user_fk' })
  user?: User;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  industryCode: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Where the round-robin of one pool of officers stands: the last officer it gave a lead to. */
@Entity('lead_assignment_cursor')
export class LeadAssignmentCursor {
  @PrimaryColumn({ type: 'int' })
  bureauId: number;

  /** The pool: the sorted ids of the candidate officers. */
  @PrimaryColumn({ type: 'varchar', length: 400 })
  poolKey: string;

  @Column({ type: 'int' })
  lastUserId: number;
}
