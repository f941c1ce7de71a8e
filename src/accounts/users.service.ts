import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { enterpriseExists } from '../enterprises/enterprise.reads.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { offsetOf, toPage, type Page } from '../platform/http/pagination.js';
import { conflict, notFound, validationFailed } from '../platform/http/problem.js';
import {
  roleShapeProblems,
  type CreateBureauInput,
  type CreateUserInput,
  type ListUsersQuery,
  type UpdateBureauInput,
  type UpdateUserInput,
} from './accounts.schemas.js';
import { Bureau } from './bureau.entity.js';
import { hashPassword } from './passwords.js';
import { User } from './user.entity.js';

/** The 用户协议 / 隐私政策 versions an account agreed to. */
export interface Consent {
  termsVersion: number;
  privacyVersion: number;
}

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  async createBureau(input: CreateBureauInput, manager: EntityManager = this.dataSource.manager): Promise<Bureau> {
    const b = manager.create(Bureau, input);
    await manager.insert(Bureau, b);
    return b;
  }

  async createUser(
    input: Omit<CreateUserInput, 'phone'> & { phone?: string | null },
    manager: EntityManager = this.dataSource.manager,
    opts: { emailVerified?: boolean; consent?: Consent | null; passwordHash?: string } = {},
  ): Promise<User> {
    await this.checkLinks(input, manager);
    const { password, ...fields } = input;
    const user = manager.create(User, {
      ...fields,
      passwordHash: opts.passwordHash ?? (password ? await hashPassword(password) : null),
      emailVerifiedAt: opts.emailVerified ? new Date() : null,
      termsVersion: opts.consent?.termsVersion ?? null,
      privacyVersion: opts.consent?.privacyVersion ?? null,
      termsAcceptedAt: opts.consent ? new Date() : null,
    });
    try {
      await manager.insert(User, user);
    } catch (err) {
      if (isUniqueViolation(err, 'app_user_email_key')) {
        throw conflict('duplicate-email', '该邮箱已注册', [{ field: 'email', code: 'duplicate', message: '该邮箱已注册' }]);
      }
      throw err;
    }
    return user;
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<User> {
    const u = await manager.findOne(User, { where: { id }, relations: { bureau: true } });
    if (!u) throw notFound('用户');
    return u;
  }

  /** The region an account's events concern: staff, their bureau's; admins and enterprise users none (platform-level). */
  async regionOf(user: Pick<User, 'role' | 'bureauId'>, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    if (!user.bureauId) return null;
    const b = await manager.findOne(Bureau, { where: { id: user.bureauId } });
    return b?.regionCode ?? null;
  }

  async list(q: ListUsersQuery, manager: EntityManager = this.dataSource.manager): Promise<Page<User>> {
    const qb = manager.createQueryBuilder(User, 'u');
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.bureauId) qb.andWhere('u.bureau_id = :bureauId', { bureauId: q.bureauId });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    if (q.q)
      qb.andWhere(`(u.email ILIKE :like ESCAPE '\\' OR u.name ILIKE :like ESCAPE '\\')`, {
        like: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    qb.orderBy('u.id', 'ASC').offset(offsetOf(q)).limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, q);
  }

  /**
   * Changes a user; a new role comes with its bureau/enterprise link (cleared when the new role
   * has none). Sessions end when the role, its link, or the activation changes. Returns the
   * user before and after, for the audit log.
   */
  async update(id: number, input: UpdateUserInput, manager: EntityManager): Promise<{ before: User; after: User }> {
    const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound('用户');
    const before = { ...user } as User;
    const role = input.role ?? user.role;
    const staff = role === 'officer' || role === 'bureau_lead';
    const next = {
      name: input.name ?? user.name,
      role,
      bureauId: input.bureauId !== undefined ? input.bureauId : staff ? user.bureauId : null,
      enterpriseId: input.enterpriseId !== undefined ? input.enterpriseId : role === 'enterprise' ? user.enterpriseId : null,
      active: input.active ?? user.active,
    };
    const problems = roleShapeProblems(next);
    if (input.phone !== undefined) user.phone = input.phone;
    if (problems.length) throw validationFailed(problems.map((p) => ({ ...p, code: 'role_shape' })));
    await this.checkLinks(next, manager);
    Object.assign(user, next);
    await manager.save(User, user);
    const accessChanged =
      before.role !== user.role ||
      before.bureauId !== user.bureauId ||
      before.enterpriseId !== user.enterpriseId ||
      (before.active && !user.active);
    if (accessChanged) await manager.query('DELETE FROM session WHERE user_id = $1', [id]);
    return { before, after: user };
  }

  async updateBureau(
    id: number,
    input: UpdateBureauInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ before: Bureau; after: Bureau }> {
    const b = await manager.findOne(Bureau, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!b) throw notFound('招商局');
    const before = { ...b } as Bureau;
    Object.assign(b, input);
    await manager.save(Bureau, b);
    return { before, after: b };
  }

  private async checkLinks(u: { bureauId: number | null; enterpriseId: number | null }, manager: EntityManager): Promise<void> {
    if (u.bureauId && !(await manager.exists(Bureau, { where: { id: u.bureauId } }))) {
      throw validationFailed([{ field: 'bureauId', code: 'unknown_bureau', message: '招商局不存在' }]);
    }
    if (u.enterpriseId && !(await enterpriseExists(manager, u.enterpriseId))) {
      throw validationFailed([{ field: 'enterpriseId', code: 'unknown_enterprise', message: '企业不存在' }]);
    }
  }

  /** With the password hash, for login. */
  findForLogin(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }
}
