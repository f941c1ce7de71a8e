import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../access/auth.guard.js';
import { InboxService } from '../notifications/inbox.service.js';
import { field, integer, safeNext, type FormBody } from './forms/form-input.js';
import { notFound } from '../platform/http/problem.js';
import { Pages } from './pages.js';
import { WebExceptionFilter } from './web-exception.filter.js';

const pageNo = (q: FormBody) => {
  const n = integer(field(q, 'page'));
  return n.ok && n.value != null && n.value >= 1 && n.value <= 100_000 ? n.value : 1;
};
const messageId = (raw: string) => {
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) > 2 ** 62) throw notFound('消息');
  return Number(raw);
};

/** 消息中心 for every signed-in user (portal and console share it): the list, open (= mark read and go), mark all read. */
@ApiExcludeController()
@Controller('messages')
@UseFilters(WebExceptionFilter)
export class MessagesPagesController {
  constructor(
    private readonly pages: Pages,
    private readonly inbox: InboxService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const unreadOnly = field(req.query as FormBody, 'unread') === '1';
    const result = await this.inbox.list(req.actor!, { page: pageNo(req.query as FormBody), pageSize: 20, unread: unreadOnly });
    this.pages.send(req, res, 'messages', { result, unreadOnly }, { title: '消息中心' });
  }

  @Post('read-all')
  async readAll(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.inbox.markAllRead(req.actor!);
    this.pages.redirect(res, '/messages', 'allRead');
  }

  /** Opening a message marks it read and goes to its page. */
  @Post(':id/open')
  async open(@Req() req: AuthedRequest, @Res() res: Response) {
    const r = await this.inbox.markRead(req.actor!, messageId(req.params.id as string));
    res.redirect(303, safeNext(r.link, '/messages'));
  }
}
