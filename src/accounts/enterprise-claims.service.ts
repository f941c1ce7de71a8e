import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { coversRegion, isStaff, type Actor } from '../access/actor.js';
import { RateLimits } from '../access/rate-limits.js';
import { sha256 } from '../access/sessions.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/request-context.js';
import { findEnterprise, findEnterpriseByUscc } from '../enterprises/enterprise.reads.js';
import { notifyInApp } from '../notifications/inbox.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Clock } from '../platform/clock/clock.js';
import { conflict, notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { regions } from '../reference/regions.js';
import { AccountsService } from './accounts.service.js';
import { usccSchema } from '../enterprises/enterprise.schemas.js';
import type { ClaimDecisionInput, ClaimInput } from './accounts.schemas.js';
import { EnterpriseClaim } from './enterprise-claim.entity.js';
import { claimConfirmTemplate, claimRejectedTemplate } from './mail/claim.templates.js';
import { hashPassword } from './passwords.js';
import { StaffQueries } from './staff.queries.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** How long the link mailed to the enterprise's contact address works. */
export const CLAIM_LINK_MS = 7 * 24 * 3600_000;

export const claimConfirmPath = (token: string) => `/join/claim?token=${encodeURIComponent(token)}`;

/** "zhang***@example.com": enough for the applicant to recognise the address, not to learn it. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!domain) return '***';
  return `${local.slice(0, Math.min(2, local.length))}***@${domain}`;
}

export interface ClaimRequested {
  claimId: number;
  enterpriseName: string;
  /** The masked contact address the confirmation link went to, or null (then only an officer can approve). */
  mailedTo: string | null;
}

export interface ClaimRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  region: { code: string; name: string };
  name: string;
  email: string;
  mailedTo: string | null;
  status: string;
  createdAt: Date;
}

/**
 * 认领 (issue 17 item 7): signing up for an enterprise already on record (registered by staff or by
 * import). Nobody takes an enterprise over without one of two confirmations — the single-use link
 * mailed to the enterprise's contact address on record, or an officer of its home region approving
 * the claim. Only then is the account created (and its own address verified as at sign-up). Every
 * step is audited; the officers of the region get a 消息中心 message.
 */
@Injectable()
export class EnterpriseClaimsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly users: UsersService,
    private readonly staff: StaffQueries,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(input: ClaimInput, meta: RequestMeta): Promise<ClaimRequested> {
    await this.limits.consume('signup-ip', meta.ip);
    return this.dataSource.transaction(async (m) => {
      const consent = await this.accounts.checkConsent(input.consent, m);
      const e = await findEnterpriseByUscc(m, input.uscc);
      if (!e) throw validationFailed([{ field: 'uscc', code: 'unknown', message: '该统一社会信用代码尚未登记，请直接填写企业信息入驻' }]);
      if (await m.exists(User, { where: { email: input.email } }))
        throw conflict('duplicate-email', '该邮箱已注册', [{ field: 'email', code: 'duplicate', message: '该邮箱已注册' }]);
      // asking again replaces the earlier pending claim of the same address (its link stops working)
      await m.delete(EnterpriseClaim, { enterpriseId: e.id, email: input.email, status: 'pending' });
      const contactEmail = e.contacts.find((c) => c.email)?.email?.toLowerCase() ?? null;
      if (contactEmail) await this.limits.consume('mail-account', contactEmail);
      const token = contactEmail ? randomBytes(32).toString('base64url') : null;
      const now = this.clock.now();
      const [{ id }]: Array<{ id: number }> = await m.query(
        `INSERT INTO enterprise_claim (enterprise_id, region_code, email, name, password_hash, terms_version, privacy_version,
           contact_email, token_hash, token_expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          e.id,
          e.homeRegionCode,
          input.email,
          input.name,
          await hashPassword(input.password),
          consent?.termsVersion ?? null,
          consent?.privacyVersion ?? null,
          contactEmail,
          token ? sha256(token) : null,
          token ? new Date(now.getTime() + CLAIM_LINK_MS) : null,
          now,
        ],
      );
      if (contactEmail && token)
        await this.notifications.enqueue(m, {
          template: claimConfirmTemplate,
          // the bare address: the row belongs to no region, so no officer can read the link
          recipient: { email: contactEmail, name: e.contacts.find((c) => c.email)?.name ?? e.name },
          data: {
            path: claimConfirmPath(token),
            validFor: '7 天',
            enterpriseName: e.name,
            applicantName: input.name,
            applicantEmail: input.email,
          },
          dedupeKey: `enterprise-claim:${id}`,
          category: 'transactional',
        });
      await this.audit.record(m, {
        actor: { userId: null, email: input.email, role: null },
        action: 'auth.claim_requested',
        target: { type: 'enterprise', id: e.id, region: e.homeRegionCode },
        detail: { claimId: id, name: input.name, mailedTo: contactEmail },
        ip: meta,
      });
      const staff = await this.staff.officersCovering(e.homeRegionCode);
      await notifyInApp(m, [
        {
          userIds: staff.map((s) => s.id),
          kind: 'claim',
          title: `认领申请：${e.name}`.slice(0, 200),
          body: `${input.name}（${input.email}）申请认领该企业账户`,
          link: '/console/enterprises/claims',
          dedupeKey: `claim:${id}`,
        },
      ]);
      return { claimId: id, enterpriseName: e.name, mailedTo: contactEmail ? maskEmail(contactEmail) : null };
    });
  }

  /** Whether a (well-formed) 统一社会信用代码 is on record already: 企业入驻 then offers 认领 before asking for the rest. */
  async isOnRecord(uscc: string): Promise<boolean> {
    const parsed = usccSchema.safeParse(uscc);
    return parsed.success && !!(await findEnterpriseByUscc(this.dataSource.manager, parsed.data));
  }

  /** The claim a mailed link stands for, for its confirmation page (without using the link), or null. */
  async peek(token: string): Promise<{ enterpriseName: string; name: string; email: string } | null> {
    if (!token || token.length > 100) return null;
    const [row]: Array<{ enterprise_id: number; name: string; email: string }> = await this.dataSource.query(
      `SELECT enterprise_id, name, email FROM enterprise_claim WHERE token_hash = $1 AND status = 'pending' AND token_expires_at > $2`,
      [sha256(token), this.clock.now()],
    );
    if (!row) return null;
    const e = await findEnterprise(this.dataSource.manager, row.enterprise_id);
    return e ? { enterpriseName: e.name, name: row.name, email: row.email } : null;
  }

  /** The enterprise's contact confirms through the mailed link: the account is created. */
  async confirm(token: string, meta: RequestMeta): Promise<{ enterpriseName: string }> {
    await this.limits.consume('token-ip', meta.ip);
    if (!token || token.length > 100) throw invalidLink();
    return this.dataSource.transaction(async (m) => {
      const [rows]: [Array<{ id: number }>, number] = await m.query(
        `UPDATE enterprise_claim SET status = 'approved', decided_via = 'mail', decided_at = $2, token_hash = NULL
         WHERE token_hash = $1 AND status = 'pending' AND token_expires_at > $2 RETURNING id`,
        [sha256(token), this.clock.now()],
      );
      if (!rows[0]) throw invalidLink();
      const { claim, enterpriseName, user } = await this.grant(m, rows[0].id);
      await this.audit.record(m, {
        actor: null,
        action: 'auth.claim_confirmed',
        target: { type: 'enterprise', id: claim.enterpriseId, region: claim.regionCode },
        detail: { claimId: claim.id, userId: user.id, email: claim.email, confirmedBy: claim.contactEmail },
        ip: meta,
      });
      return { enterpriseName };
    });
  }

  /** Staff: the pending claims of enterprises in their region, oldest first. */
  async listPending(actor: Actor): Promise<ClaimRow[]> {
    if (!isStaff(actor)) throw notFound('认领申请');
    const scope = actor.role === 'admin' ? null : (actor.regionScope ?? '000000');
    const rows: Array<{
      id: number;
      enterprise_id: number;
      enterprise_name: string;
      uscc: string;
      region_code: string;
      name: string;
      email: string;
      contact_email: string | null;
      status: string;
      created_at: Date;
    }> = await this.dataSource.query(
      `SELECT c.id, c.enterprise_id, e.name AS enterprise_name, e.uscc, c.region_code, c.name, c.email, c.contact_email, c.status, c.created_at
         FROM enterprise_claim c JOIN enterprise e ON e.id = c.enterprise_id JOIN region r ON r.code = c.region_code
        WHERE c.status = 'pending' AND ($1::varchar IS NULL OR $1 = ANY(r.path))
        ORDER BY c.created_at, c.id LIMIT 200`,
      [scope],
    );
    const r = regions();
    return rows.map((x) => ({
      id: x.id,
      enterpriseId: x.enterprise_id,
      enterpriseName: x.enterprise_name,
      uscc: x.uscc,
      region: { code: x.region_code, name: r.fullName(x.region_code) || x.region_code },
      name: x.name,
      email: x.email,
      mailedTo: x.contact_email ? maskEmail(x.contact_email) : null,
      status: x.status,
      createdAt: x.created_at,
    }));
  }

  /** Staff of the enterprise's region approve (the account is created) or reject (with a reason, mailed to the applicant). */
  async decide(actor: Actor, id: number, input: ClaimDecisionInput): Promise<{ enterpriseName: string }> {
    return this.dataSource.transaction(async (m) => {
      const claim = await m.findOne(EnterpriseClaim, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!claim || !isStaff(actor) || !coversRegion(actor, claim.regionCode)) throw notFound('认领申请');
      if (claim.status !== 'pending')
        throw new ProblemException(HttpStatus.CONFLICT, 'claim-decided', '该认领申请已处理', [
          { field: 'id', code: 'decided', message: '该认领申请已处理（可能已由企业联系人确认）' },
        ]);
      const now = this.clock.now();
      const patch = { decidedVia: 'officer' as const, decidedAt: now, decidedByUserId: actor.userId, tokenHash: null };
      if (input.decision === 'reject') {
        await m.update(EnterpriseClaim, { id }, { ...patch, status: 'rejected', decisionNote: input.reason });
        const e = await findEnterprise(m, claim.enterpriseId);
        await this.notifications.enqueue(m, {
          template: claimRejectedTemplate,
          recipient: { email: claim.email, name: claim.name },
          data: { enterpriseName: e?.name ?? '', approved: false, reason: input.reason ?? '' },
          dedupeKey: `enterprise-claim-rejected:${id}`,
          category: 'transactional',
        });
        await this.audit.record(m, {
          actor,
          action: 'auth.claim_rejected',
          target: { type: 'enterprise', id: claim.enterpriseId, region: claim.regionCode },
          detail: { claimId: id, email: claim.email, reason: input.reason },
        });
        return { enterpriseName: e?.name ?? '' };
      }
      await m.update(EnterpriseClaim, { id }, { ...patch, status: 'approved', decisionNote: input.reason || null });
      const { user, enterpriseName } = await this.grant(m, id);
      await this.audit.record(m, {
        actor,
        action: 'auth.claim_approved',
        target: { type: 'enterprise', id: claim.enterpriseId, region: claim.regionCode },
        detail: { claimId: id, userId: user.id, email: claim.email },
      });
      return { enterpriseName };
    });
  }

  /** The account of an approved claim: the applicant's name, address and password; its own address is verified by mail as at sign-up. */
  private async grant(m: EntityManager, id: number): Promise<{ claim: EnterpriseClaim; user: User; enterpriseName: string }> {
    const claim = await m.createQueryBuilder(EnterpriseClaim, 'c').addSelect('c.passwordHash').where('c.id = :id', { id }).getOneOrFail();
    const e = await findEnterprise(m, claim.enterpriseId);
    if (!e) throw notFound('企业');
    const consent =
      claim.termsVersion && claim.privacyVersion ? { termsVersion: claim.termsVersion, privacyVersion: claim.privacyVersion } : null;
    const user = await this.users.createUser(
      { email: claim.email, name: claim.name, role: 'enterprise', bureauId: null, enterpriseId: e.id },
      m,
      { emailVerified: false, consent, passwordHash: claim.passwordHash },
    );
    await m.update(EnterpriseClaim, { id }, { userId: user.id });
    await this.accounts.sendVerification(m, user);
    return { claim, user, enterpriseName: e.name };
  }
}

const invalidLink = () =>
  validationFailed([{ field: 'token', code: 'invalid_or_expired', message: '链接无效、已使用或已过期' }], '链接无效、已使用或已过期');
