import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { toPage, type Page } from '../platform/http/pagination.js';
import { conflict, notFound } from '../platform/http/problem.js';
import { denied, requireRole } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { AccountsService } from './accounts.service.js';
import type {
  CreateBureauInput,
  CreateUserInput,
  InviteOfficerInput,
  ListUsersQuery,
  UpdateBureauInput,
  UpdateUserInput,
} from './accounts.schemas.js';
import { Bureau } from './bureau.entity.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Which fields changed, as {field: [before, after]}. */
export function changes<T extends object>(before: T, after: T, fields: Array<keyof T>): Record<string, [unknown, unknown]> {
  return Object.fromEntries(fields.filter((f) => before[f] !== after[f]).map((f) => [f, [before[f], after[f]]]));
}

/**
 * User and bureau management: admins manage every account and bureau; a bureau lead manages
 * their own bureau — its officers (invite, deactivate, reactivate) and its settings. Users of
 * other bureaus answer 404; the bureau's leads (including oneself) 403 — only an admin changes
 * leads, roles and bureaus. Each operation: role check › one transaction › write › audit.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  // ── Admins ──

  async createBureau(actor: Actor, input: CreateBureauInput): Promise<Bureau> {
    requireRole(actor, ['admin']);
    return this.dataSource.transaction(async (m) => {
      const b = await this.users.createBureau(input, m);
      await this.audit.record(m, {
        actor,
        action: 'bureau.created',
        target: { type: 'bureau', id: b.id, region: b.regionCode },
        detail: { name: b.name },
      });
      return b;
    });
  }

  async bureaus(actor: Actor): Promise<Bureau[]> {
    requireRole(actor, ['admin']);
    return this.dataSource.manager.find(Bureau, { order: { regionCode: 'ASC', id: 'ASC' } });
  }

  /** Active accounts per bureau id (the bureau list's head count). */
  async activeUsersPerBureau(actor: Actor): Promise<Record<number, number>> {
    requireRole(actor, ['admin']);
    const counts: Array<{ bureau_id: number; n: number }> = await this.dataSource.query(
      `SELECT bureau_id, count(*)::int AS n FROM app_user WHERE bureau_id IS NOT NULL AND active GROUP BY bureau_id`,
    );
    return Object.fromEntries(counts.map((c) => [c.bureau_id, c.n]));
  }

  /** Rename a bureau, move its region (its officers' scope follows) or change its idle-lead limit. */
  async updateBureau(actor: Actor, id: number, input: UpdateBureauInput): Promise<Bureau> {
    requireRole(actor, ['admin']);
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.users.updateBureau(id, input, m);
      const detail = { changed: changes(before, after, ['name', 'regionCode', 'idleLimitDays']) };
      await this.audit.record(m, { actor, action: 'bureau.updated', target: { type: 'bureau', id, region: after.regionCode }, detail });
      return after;
    });
  }

  /** Without a password the user gets an invitation e-mail with a set-password link. */
  async createUser(actor: Actor, input: CreateUserInput): Promise<User> {
    requireRole(actor, ['admin']);
    return this.dataSource.transaction(async (m) => {
      // with a password the admin vouches for the address; without, the invitation link proves it
      const created = await this.users.createUser(input, m, { emailVerified: !!input.password });
      if (!input.password) await this.accounts.invite(m, created, actor);
      const region = await this.users.regionOf(created, m);
      const detail = {
        email: created.email,
        role: created.role,
        bureauId: created.bureauId,
        enterpriseId: created.enterpriseId,
        invited: !input.password,
      };
      await this.audit.record(m, { actor, action: 'user.created', target: { type: 'user', id: created.id, region }, detail });
      return created;
    });
  }

  async listUsers(actor: Actor, q: ListUsersQuery): Promise<Page<User>> {
    requireRole(actor, ['admin']);
    return this.users.list(q);
  }

  async user(actor: Actor, id: number): Promise<User> {
    requireRole(actor, ['admin']);
    return this.users.get(id);
  }

  /** Name, role (with bureau/enterprise) or activation; sessions end on access changes. */
  async updateUser(actor: Actor, id: number, input: UpdateUserInput): Promise<User> {
    requireRole(actor, ['admin']);
    if (id === actor.userId && ((input.role && input.role !== 'admin') || input.active === false)) {
      throw conflict('self-demotion', '不能停用自己或取消自己的管理员角色（请由另一位管理员操作）');
    }
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.users.update(id, input, m);
      for (const entry of await this.userChangeAudit(m, actor, before, after)) await this.audit.record(m, entry);
      return after;
    });
  }

  /** Send the invitation (set-password link) again. */
  async reinvite(actor: Actor, id: number): Promise<void> {
    requireRole(actor, ['admin']);
    await this.dataSource.transaction(async (m) => {
      const user = await this.users.get(id, m);
      await this.accounts.invite(m, user, actor);
      await this.audit.record(m, {
        actor,
        action: 'user.invited',
        target: { type: 'user', id, region: await this.users.regionOf(user, m) },
      });
    });
  }

  // ── A bureau lead, in their own bureau ──

  async ownBureau(actor: Actor): Promise<Bureau> {
    requireRole(actor, ['bureau_lead']);
    return this.dataSource.manager.findOneByOrFail(Bureau, { id: actor.bureauId! });
  }

  /** The bureau's settings (days before an idle lead is flagged). */
  async updateOwnBureau(actor: Actor, input: Pick<UpdateBureauInput, 'idleLimitDays'>): Promise<Bureau> {
    requireRole(actor, ['bureau_lead']);
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.users.updateBureau(actor.bureauId!, input, m);
      const detail = { changed: changes(before, after, ['idleLimitDays']) };
      await this.audit.record(m, {
        actor,
        action: 'bureau.updated',
        target: { type: 'bureau', id: after.id, region: after.regionCode },
        detail,
      });
      return after;
    });
  }

  async bureauUsers(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<User>> {
    requireRole(actor, ['bureau_lead']);
    const [items, total] = await this.dataSource.manager.findAndCount(User, {
      where: { bureauId: actor.bureauId! },
      order: { id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(items, total, q);
  }

  /** Invite an officer into the lead's bureau (an e-mail with a set-password link). */
  async inviteOfficer(actor: Actor, input: InviteOfficerInput): Promise<User> {
    requireRole(actor, ['bureau_lead']);
    return this.dataSource.transaction(async (m) => {
      const created = await this.users.createUser({ ...input, role: 'officer', bureauId: actor.bureauId, enterpriseId: null }, m, {
        emailVerified: false,
      });
      await this.accounts.invite(m, created, actor);
      const target = { type: 'user', id: created.id, region: actor.regionScope };
      await this.audit.record(m, { actor, action: 'user.invited', target, detail: { email: created.email, role: 'officer' } });
      return created;
    });
  }

  /** Deactivate (their sessions end at once) or reactivate an officer of the lead's bureau. */
  async setOfficerActive(actor: Actor, id: number, active: boolean): Promise<User> {
    requireRole(actor, ['bureau_lead']);
    await this.ownOfficer(actor, id, this.dataSource.manager);
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.users.update(id, { active }, m);
      for (const entry of await this.userChangeAudit(m, actor, before, after)) await this.audit.record(m, entry);
      return after;
    });
  }

  async reinviteOfficer(actor: Actor, id: number): Promise<void> {
    requireRole(actor, ['bureau_lead']);
    await this.dataSource.transaction(async (m) => {
      const user = await this.ownOfficer(actor, id, m);
      await this.accounts.invite(m, user, actor);
      await this.audit.record(m, { actor, action: 'user.invited', target: { type: 'user', id, region: actor.regionScope } });
    });
  }

  private async ownOfficer(actor: Actor, id: number, m: EntityManager): Promise<User> {
    const user = await m.findOne(User, { where: { id } });
    if (!user || user.bureauId !== actor.bureauId) throw notFound('用户');
    if (user.role !== 'officer') throw denied('局负责人只能管理本局的招商专员；其他调整请联系平台管理员');
    return user;
  }

  /** The audit entries of a user change: role changes and (de)activations are their own actions. */
  private async userChangeAudit(m: EntityManager, actor: Actor, before: User, after: User): Promise<AuditRecord[]> {
    const target = { type: 'user', id: after.id, region: (await this.users.regionOf(after, m)) ?? (await this.users.regionOf(before, m)) };
    const entries: AuditRecord[] = [];
    const roleChange = changes(before, after, ['role', 'bureauId', 'enterpriseId']);
    if (Object.keys(roleChange).length) entries.push({ actor, action: 'user.role_changed', target, detail: { changed: roleChange } });
    if (before.active !== after.active) entries.push({ actor, action: after.active ? 'user.activated' : 'user.deactivated', target });
    const other = changes(before, after, ['name']);
    if (Object.keys(other).length) entries.push({ actor, action: 'user.updated', target, detail: { changed: other } });
    return entries;
  }
}
