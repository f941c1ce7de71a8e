import { Column, Entity, Index } from 'typeorm';
import { BigIdColumn } from '../platform/database/big-id.js';

/**
 * One sensitive action: who (user id, e-mail and role at the time), what (action, target),
 * when, from where (IP, user agent), and the region it concerns (its path, so a bureau lead's
 * view is `region_path @> '{<scope>}'`). Append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE; there is deliberately no foreign key, so the record outlives what it describes.
 */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_actor_idx', ['actorUserId', 'id'])
@Index('audit_log_action_idx', ['action', 'id'])
@Index('audit_log_target_idx', ['targetType', 'targetId'])
@Index('audit_log_region_path_gin', { synchronize: false })
export class AuditEntry {
  @BigIdColumn()
  id: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  actorRole: string | null;

  /** Dotted verb, e.g. `auth.login_failed`, `project.stage_changed`, `user.role_changed`. */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** The region the action concerns (the target's, or the acting officer's bureau); null: platform-level. */
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'char', length: 6, array: true, default: () => "'{}'" })
  regionPath: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  userAgent: string;
}
