import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { conflict, notFound, validationFailed } from '../platform/http/problem.js';
import type { CreateBureauInput, CreateUserInput } from './auth.schemas.js';
import { Bureau } from './bureau.entity.js';
import { hashPassword } from './passwords.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  async createBureau(input: CreateBureauInput, manager: EntityManager = this.dataSource.manager): Promise<Bureau> {
    const b = manager.create(Bureau, input);
    await manager.insert(Bureau, b);
    return b;
  }

  async createUser(input: CreateUserInput, manager: EntityManager = this.dataSource.manager, opts: { emailVerified?: boolean } = {}): Promise<User> {
    if (input.bureauId && !(await manager.exists(Bureau, { where: { id: input.bureauId } }))) {
      throw validationFailed([{ field: 'bureauId', code: 'unknown_bureau', message: '招商局不存在' }]);
    }
    if (input.enterpriseId && !(await manager.exists(Enterprise, { where: { id: input.enterpriseId } }))) {
      throw validationFailed([{ field: 'enterpriseId', code: 'unknown_enterprise', message: '企业不存在' }]);
    }
    const { password, ...fields } = input;
    const user = manager.create(User, {
      ...fields,
      passwordHash: password ? await hashPassword(password) : null,
      emailVerifiedAt: opts.emailVerified ? new Date() : null,
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

  /** With the password hash, for login. */
  findForLogin(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }
}
