import { Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor.js';
import { readCookie, SESSION_COOKIE, type AuthedRequest } from '../access/auth.guard.js';
import { CurrentActor, Public, Roles, StaffOnly } from '../access/decorators.js';
import { SessionsService } from '../access/sessions.service.js';
import { HtmlResponse, schemaRef, TokenQuery, ZodResponse } from '../platform/http/openapi.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { NotificationLinks, type LinkClaims } from './links.js';
import {
  listNotificationsQuery,
  preferencesPatchSchema,
  settingsFormSchema,
  type ListNotificationsQuery,
  type PreferencesPatchInput,
} from './notification.schemas.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsAdminService } from './notifications-admin.service.js';
import { donePage, invalidLinkPage, settingsPage, unsubscribePage } from './pages.js';
import { notificationPageResponse, notificationResponse, preferencesResponse } from './notifications.responses.js';

/**
 * Notifications over HTTP: a user's own preferences; the list of messages with their status
 * (staff, by region; admins everything) and the resend of a failed one (admins); and the pages
 * behind the signed links in e-mails — unsubscribe (GET confirms, POST unsubscribes, also
 * RFC 8058 one-click) and settings — which work without logging in.
 */
@ApiTags('notifications 通知')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly admin: NotificationsAdminService,
    private readonly preferences: NotificationPreferencesService,
    private readonly links: NotificationLinks,
    private readonly sessions: SessionsService,
  ) {}

  @Get('preferences')
  @ApiOperation({ summary: '我的通知设置（匹配邮件频率、跟进提醒、语言）' })
  @ZodResponse(preferencesResponse)
  getPreferences(@CurrentActor() actor: Actor) {
    return this.preferences.forUser(actor.userId);
  }

  @Patch('preferences')
  @ApiOperation({ summary: '修改我的通知设置；null 恢复默认（企业用户随企业设置，工作人员为即时）' })
  @ZodResponse(preferencesResponse)
  updatePreferences(@CurrentActor() actor: Actor, @ZodBody(preferencesPatchSchema) body: PreferencesPatchInput) {
    return this.preferences.updateUser(actor.userId, body);
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({ summary: '退订确认页（邮件中的签名链接，无需登录）' })
  @TokenQuery('the signed unsubscribe link of an e-mail')
  @HtmlResponse({ 200: '确认页 / 已退订', 400: '链接无效或已过期' })
  async unsubscribeForm(@Query('token') token: unknown, @Req() req: AuthedRequest, @Res() res: Response) {
    const claims = this.claims(token, 'unsubscribe');
    if (!claims) return this.html(res, 400, invalidLinkPage());
    return this.html(
      res,
      200,
      unsubscribePage({
        category: claims.category as 'match' | 'reminder',
        action: `/notifications/unsubscribe?token=${encodeURIComponent(String(token))}`,
        settingsUrl: this.links.preferencesUrl(claims.subscriber),
        csrf: this.csrf(req),
      }),
    );
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '退订（确认页的表单，或邮件客户端的 RFC 8058 一键退订 POST）' })
  @TokenQuery('the signed unsubscribe link of an e-mail')
  @HtmlResponse({ 200: '确认页 / 已退订', 400: '链接无效或已过期' })
  async unsubscribe(@Query('token') token: unknown, @Res() res: Response) {
    const claims = this.claims(token, 'unsubscribe');
    if (!claims) return this.html(res, 400, invalidLinkPage());
    const category = claims.category as 'match' | 'reminder';
    if (!(await this.preferences.unsubscribe(claims.subscriber, category))) return this.html(res, 400, invalidLinkPage());
    const what = category === 'match' ? '匹配通知邮件' : '跟进提醒邮件';
    return this.html(
      res,
      200,
      donePage('已退订', `您已退订${what}。账户相关的邮件不受影响。`, this.links.preferencesUrl(claims.subscriber)),
    );
  }

  @Get('settings')
  @Public()
  @ApiOperation({ summary: '通知设置页（邮件中的签名链接，无需登录）' })
  @TokenQuery('the signed settings link of an e-mail')
  @HtmlResponse({ 200: '设置页', 400: '链接无效或已过期，或设置无效' })
  async settingsForm(@Query('token') token: unknown, @Req() req: AuthedRequest, @Res() res: Response) {
    const claims = this.claims(token, 'settings');
    const settings = claims && (await this.preferences.forSubscriber(claims.subscriber));
    if (!claims || !settings) return this.html(res, 400, invalidLinkPage());
    return this.html(
      res,
      200,
      settingsPage({ settings, action: `/notifications/settings?token=${encodeURIComponent(String(token))}`, csrf: this.csrf(req) }),
    );
  }

  @Post('settings')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '保存通知设置（签名链接的表单）' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: schemaRef(settingsFormSchema, 'NotificationSettingsForm') as never })
  @TokenQuery('the signed settings link of an e-mail')
  @HtmlResponse({ 200: '设置页', 400: '链接无效或已过期，或设置无效' })
  async saveSettings(@Query('token') token: unknown, @Req() req: AuthedRequest, @Res() res: Response) {
    const claims = this.claims(token, 'settings');
    if (!claims) return this.html(res, 400, invalidLinkPage());
    const form = settingsFormSchema.safeParse(req.body ?? {});
    if (!form.success) return this.html(res, 400, donePage('设置无效', '提交的设置无效，请返回重试。'));
    const f = form.data;
    const checkboxes = f.checkboxes === '1';
    const ok = await this.preferences.updateSubscriber(claims.subscriber, {
      matchFrequency: f.matchFrequency,
      language: f.language,
      reminders: checkboxes ? f.reminders === 'on' : undefined,
      match: checkboxes && claims.subscriber.kind === 'address' ? f.match === 'on' : undefined,
    });
    const settings = ok && (await this.preferences.forSubscriber(claims.subscriber));
    if (!settings) return this.html(res, 400, invalidLinkPage());
    return this.html(
      res,
      200,
      settingsPage({
        settings,
        saved: true,
        action: `/notifications/settings?token=${encodeURIComponent(String(token))}`,
        csrf: this.csrf(req),
      }),
    );
  }

  @Get()
  @StaffOnly()
  @ApiOperation({ summary: '通知列表及发送状态（工作人员：本辖区；管理员：全部）' })
  @ZodResponse(notificationPageResponse)
  list(@CurrentActor() actor: Actor, @ZodQuery(listNotificationsQuery) q: ListNotificationsQuery) {
    return this.admin.list(actor, q);
  }

  @Get(':id')
  @StaffOnly()
  @ApiOperation({ summary: '通知详情（状态、尝试次数、失败原因、内容快照）' })
  @ZodResponse(notificationResponse)
  get(@CurrentActor() actor: Actor, @IdParam() id: number) {
    return this.admin.get(actor, id);
  }

  @Post(':id/resend')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '重发一条发送失败的通知（管理员）' })
  @ZodResponse(notificationResponse)
  resend(@CurrentActor() actor: Actor, @IdParam() id: number) {
    return this.admin.resend(actor, id);
  }

  private claims(token: unknown, purpose: 'unsubscribe' | 'settings'): LinkClaims | null {
    const c = this.links.verify(token);
    if (!c) return null;
    if (purpose === 'settings' ? c.category !== '*' : c.category === '*') return null;
    return c;
  }

  /** A browser that is also logged in must send the session's CSRF token with the form (the global guard checks it). */
  private csrf(req: AuthedRequest): string | undefined {
    const cookie = readCookie(req, SESSION_COOKIE);
    return cookie ? this.sessions.csrfToken(cookie) : undefined;
  }

  private html(res: Response, status: number, body: string): void {
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').setHeader('Referrer-Policy', 'no-referrer');
    res.send(body);
  }
}
