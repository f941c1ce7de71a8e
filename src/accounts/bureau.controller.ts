import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { pageQuery, toPage } from '../platform/http/pagination.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import type { Actor } from '../access/actor.js';
import { inviteOfficerSchema, updateOwnBureauSchema, type InviteOfficerInput } from './accounts.schemas.js';
import { CurrentActor, Roles } from '../access/decorators.js';
import { UserAdminService } from './user-admin.service.js';
import { bureauView, userView } from './user.view.js';
import { ZodResponse } from '../platform/http/openapi.js';
import { bureauResponse, sentResponse, userPageResponse, userResponse } from './accounts.responses.js';

/**
 * A bureau lead manages their own bureau: its officers (invite, deactivate, reactivate) and its
 * settings (rules in UserAdminService).
 */
@ApiTags('bureau 本局管理')
@Controller('bureau')
@Roles('bureau_lead')
export class BureauController {
  constructor(private readonly admin: UserAdminService) {}

  @Get()
  @ApiOperation({ summary: "The lead's own bureau" })
  @ZodResponse(bureauResponse)
  async bureau(@CurrentActor() actor: Actor) {
    return bureauView(await this.admin.ownBureau(actor));
  }

  @Patch()
  @ApiOperation({ summary: "The bureau's settings (days before an idle lead is flagged)" })
  @ZodResponse(bureauResponse)
  async update(@ZodBody(updateOwnBureauSchema) body: z.output<typeof updateOwnBureauSchema>, @CurrentActor() actor: Actor) {
    return bureauView(await this.admin.updateOwnBureau(actor, body));
  }

  @Get('users')
  @ApiOperation({ summary: "The bureau's officers and leads" })
  @ZodResponse(userPageResponse)
  async list(@ZodQuery(z.strictObject({ ...pageQuery })) q: { page: number; pageSize: number }, @CurrentActor() actor: Actor) {
    const page = await this.admin.bureauUsers(actor, q);
    return toPage(page.items.map(userView), page.total, page);
  }

  @Post('users')
  @ApiOperation({ summary: 'Invite an officer into this bureau (an e-mail with a set-password link)' })
  @ZodResponse(userResponse)
  async invite(@ZodBody(inviteOfficerSchema) body: InviteOfficerInput, @CurrentActor() actor: Actor) {
    return userView(await this.admin.inviteOfficer(actor, body));
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an officer of this bureau (their sessions end at once)' })
  @ZodResponse(userResponse)
  async deactivate(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return userView(await this.admin.setOfficerActive(actor, id, false));
  }

  @Post('users/:id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an officer of this bureau' })
  @ZodResponse(userResponse)
  async activate(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return userView(await this.admin.setOfficerActive(actor, id, true));
  }

  @Post('users/:id/invite')
  @HttpCode(202)
  @ApiOperation({ summary: "Send an officer's invitation again" })
  @ZodResponse(sentResponse)
  async reinvite(@IdParam() id: number, @CurrentActor() actor: Actor) {
    await this.admin.reinviteOfficer(actor, id);
    return { sent: true };
  }
}
