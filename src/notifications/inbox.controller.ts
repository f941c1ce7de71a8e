import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../access/decorators.js';
import { ZodResponse } from '../platform/http/openapi.js';
import { IdParam, ZodQuery } from '../platform/validation/zod-http.js';
import {
  inboxPageResponse,
  listInboxQuery,
  markedAllResponse,
  markedReadResponse,
  unreadCountResponse,
  type ListInboxQuery,
} from './inbox.schemas.js';
import { InboxService } from './inbox.service.js';

/** 消息中心 over HTTP: every signed-in user's own in-app messages. */
@ApiTags('notifications 通知')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: '消息中心：我的站内消息（新匹配、意向、分派、跟进到期、认定审核、项目预警），最新在前' })
  @ZodResponse(inboxPageResponse)
  list(@CurrentActor() actor: Actor, @ZodQuery(listInboxQuery) q: ListInboxQuery) {
    return this.inbox.list(actor, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读消息数（最多数到 100）' })
  @ZodResponse(unreadCountResponse)
  async unread(@CurrentActor() actor: Actor) {
    return { unread: await this.inbox.unreadCount(actor.userId) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标记为已读' })
  @ZodResponse(markedAllResponse)
  readAll(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记一条消息为已读；答复其链接' })
  @ZodResponse(markedReadResponse)
  read(@CurrentActor() actor: Actor, @IdParam() id: number) {
    return this.inbox.markRead(actor, id);
  }
}
