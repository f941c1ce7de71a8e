import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { pageQuery, toPage } from '../platform/http/pagination.js';
import { notFound } from '../platform/http/problem.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { AccountsService } from './accounts.service.js';
import { denied } from './access.js';
import type { Actor } from './actor.js';
import { bureauView, changes, userChangeAudit, userView } from './auth.controller.js';
import { inviteOfficerSchema, updateOwnBureauSchema, type InviteOfficerInput } from './auth.schemas.js';
import { Bureau } from './bureau.entity.js';
import { CurrentActor, Roles } from './decorators.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/**
 * A bureau lead manages their own bureau: its officers (invite, deactivate, reactivate) and its
 * settings. Users of other bureaus answer 404; the bureau's leads (including oneself) 403 — only
 * an admin changes leads, roles and bureaus.
 */
@ApiTags('bureau 本局管理')
@Controller('bureau')
@Roles('bureau_lead')
export class BureauController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The lead\'s own bureau' })
  async bureau(@CurrentActor() actor: Actor) {
    return bureauView(await this.dataSource.manager.findOneByOrFail(Bureau, { id: actor.bureauId! }));
  }

  @Patch()
  @ApiOperation({ summary: 'The bureau\'s settings (days before an idle lead is flagged)' })
  async update(@ZodBody(updateOwnBureauSchema) body: z.output<typeof updateOwnBureauSchema>, @CurrentActor() actor: Actor) {
    const b = await this.audit.within(async (m) => {
      const { before, after } = await this.users.updateBureau(actor.bureauId!, body, m);
      const detail = { changed: changes(before, after, ['idleLimitDays']) };
      return { result: after, audit: { actor, action: 'bureau.updated', target: { type: 'bureau', id: after.id, region: after.regionCode }, detail } };
    });
    return bureauView(b);
  }

  @Get('users')
  @ApiOperation({ summary: 'The bureau\'s officers and leads' })
  async list(@ZodQuery(z.strictObject({ ...pageQuery })) q: { page: number; pageSize: number }, @CurrentActor() actor: Actor) {
    const [items, total] = await this.dataSource.manager.findAndCount(User, {
      where: { bureauId: actor.bureauId! },
      order: { id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(items.map(userView), total, q);
  }

  @Post('users')
  @ApiOperation({ summary: 'Invite an officer into this bureau (an e-mail with a set-password link)' })
  async invite(@ZodBody(inviteOfficerSchema) body: InviteOfficerInput, @CurrentActor() actor: Actor) {
    const u = await this.audit.within(async (m) => {
      const created = await this.users.createUser({ ...body, role: 'officer', bureauId: actor.bureauId, enterpriseId: null }, m, { emailVerified: false });
      await this.accounts.invite(m, created, actor);
      const region = actor.regionScope;
      return { result: created, audit: { actor, action: 'user.invited', target: { type: 'user', id: created.id, region }, detail: { email: created.email, role: 'officer' } } };
    });
    return userView(u);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an officer of this bureau (their sessions end at once)' })
  async deactivate(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return this.setActive(actor, id, false);
  }

  @Post('users/:id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an officer of this bureau' })
  async activate(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return this.setActive(actor, id, true);
  }

  @Post('users/:id/invite')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send an officer\'s invitation again' })
  async reinvite(@IdParam() id: number, @CurrentActor() actor: Actor) {
    await this.audit.within(async (m) => {
      const user = await this.ownOfficer(actor, id, m.getRepository(User));
      await this.accounts.invite(m, user, actor);
      return { result: undefined, audit: { actor, action: 'user.invited', target: { type: 'user', id, region: actor.regionScope } } };
    });
    return { sent: true };
  }

  private async ownOfficer(actor: Actor, id: number, repo = this.dataSource.getRepository(User)): Promise<User> {
    const user = await repo.findOne({ where: { id } });
    if (!user || user.bureauId !== actor.bureauId) throw notFound('用户');
    if (user.role !== 'officer') throw denied('局负责人只能管理本局的招商专员；其他调整请联系平台管理员');
    return user;
  }

  private async setActive(actor: Actor, id: number, active: boolean) {
    await this.ownOfficer(actor, id);
    const u = await this.audit.within(async (m) => {
      const { before, after } = await this.users.update(id, { active }, m);
      return { result: after, audit: await userChangeAudit(this.users, m, actor, before, after) };
    });
    return userView(u);
  }
}
