import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { Clock } from '../platform/clock/clock.js';
import { regions } from '../reference/regions.js';
import { AuditEntry } from './audit-entry.entity.js';
import { currentRequestMeta, type RequestMeta } from './request-context.js';

/** Who acted: a signed-in actor, or at least a user id/e-mail (e.g. a failed login). */
export type AuditActor = Pick<Actor, 'userId' | 'email' | 'role'> | { userId: number | null; email: string | null; role: string | null };

export interface AuditRecord {
  /** null: anonymous or the system. */
  actor: AuditActor | null;
  /** Dotted verb: `auth.login`, `certification.verified`, `project.stage_changed`, `lead.exported`, … */
  action: string;
  /** What it concerns; `region` (GB/T 2260) decides which bureau leads see the entry (null: admins only). */
  target?: { type: string; id?: string | number | null; region?: string | null } | null;
  detail?: Record<string, unknown>;
  /** Where from; defaults to the current HTTP request's IP and user agent. */
  ip?: RequestMeta | string | null;
}

/** Audit actions and their labels (for the log's readers; unknown actions are still recorded). */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账户锁定',
  'auth.logout': '退出登录',
  'auth.signup': '企业注册账户',
  'auth.email_verified': '邮箱验证',
  'auth.password_reset_requested': '申请重置密码',
  'auth.password_reset': '重置密码',
  'auth.password_set': '受邀设置密码',
  'auth.password_changed': '修改密码',
  'auth.claim_requested': '申请认领已登记的企业',
  'auth.claim_confirmed': '企业联系人邮箱确认认领',
  'auth.claim_approved': '招商部门批准认领',
  'auth.claim_rejected': '招商部门拒绝认领',
  'legal.published': '发布新版用户协议/隐私政策',
  'user.created': '创建用户',
  'user.invited': '邀请用户',
  'user.updated': '修改用户',
  'user.role_changed': '变更角色',
  'user.activated': '启用用户',
  'user.deactivated': '停用用户',
  'bureau.created': '创建招商局',
  'bureau.updated': '修改招商局',
  'certification.verified': '核验资质认定',
  'certification.rejected': '驳回资质认定',
  'certification.reclaimed': '资质认定信息变更，退回待核验',
  'certification.evidence_attached': '上传资质认定证书',
  'enterprise.created': '录入企业',
  'enterprise.updated': '更新企业资料',
  'enterprise.deleted': '删除企业',
  'enterprise.merged': '合并重复企业记录',
  'enterprise.merged_away': '企业记录被合并到另一条记录',
  'project.published': '发布项目',
  'project.unpublished': '撤回项目',
  'project.stage_changed': '项目阶段变更',
  'project.deleted': '删除项目',
  'policy.published': '发布政策',
  'policy.unpublished': '撤回政策',
  'policy.deleted': '删除政策',
  'article.created': '新建资讯草稿',
  'article.published': '发布资讯',
  'article.updated': '修改资讯',
  'article.submitted': '投稿',
  'article.submission_confirmed': '投稿人确认投稿',
  'article.approved': '投稿审核通过',
  'article.rejected': '投稿退回',
  'agreement.created': '录入投资协议',
  'agreement.actual_recorded': '登记协议实绩',
  'agreement.release_requested': '申请拨付扶持资金',
  'agreement.tranche_released': '复核通过并拨付扶持资金',
  'agreement.tranche_withheld': '承诺违约，暂缓拨付扶持资金',
  'agreement.recovery_opened': '违约追回立案',
  'agreement.recovery_step': '追回案件办理',
  'agreement.figures_exported': '导出投资协议履约统计',
};

/**
 * The append-only audit log. `record(manager, …)` writes inside the caller's transaction, so
 * the entry exists exactly when the change does; `record(null, …)` writes on its own (use it
 * for events whose transaction fails on purpose, such as a refused login).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager | null, r: AuditRecord): Promise<void> {
    const meta = typeof r.ip === 'string' ? { ip: r.ip, userAgent: '' } : (r.ip ?? currentRequestMeta() ?? { ip: '', userAgent: '' });
    const region = r.target?.region ?? null;
    const knownRegion = region && regions().get(region) ? region : null;
    await (manager ?? this.dataSource.manager).insert(AuditEntry, {
      at: this.clock.now(),
      actorUserId: r.actor?.userId ?? null,
      actorEmail: r.actor?.email ?? null,
      actorRole: r.actor?.role ?? null,
      action: r.action.slice(0, 60),
      targetType: r.target?.type?.slice(0, 40) ?? null,
      targetId: r.target?.id == null ? null : String(r.target.id).slice(0, 64),
      regionCode: knownRegion,
      regionPath: knownRegion ? [...regions().path(knownRegion)] : [],
      detail: (r.detail ?? {}) as never,
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 200),
    });
  }

  /** Runs `work` in a transaction and records the entry it returns in the same transaction. */
  async within<T>(work: (m: EntityManager) => Promise<{ result: T; audit: AuditRecord | AuditRecord[] }>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const { result, audit } = await work(m);
      for (const a of Array.isArray(audit) ? audit : [audit]) await this.record(m, a);
      return result;
    });
  }
}
