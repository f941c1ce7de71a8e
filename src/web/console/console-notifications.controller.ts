import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { isAdmin } from '../../access/actor.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { Roles, StaffOnly } from '../../access/decorators.js';
import { NOTIFICATION_FREQUENCIES } from '../../enterprises/enterprise.vocabulary.js';
import { listNotificationsQuery, preferencesPatchSchema } from '../../notifications/notification.schemas.js';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_STATUSES,
  notificationStatuses,
  TEMPLATE_LABELS,
} from '../../notifications/notification.vocabulary.js';
import { NotificationPreferencesService } from '../../notifications/notification-preferences.service.js';
import { NotificationsAdminService } from '../../notifications/notifications-admin.service.js';
import { validationFailed } from '../../platform/http/problem.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, type FormBody } from '../forms/form-input.js';
import { readPreferencesForm } from '../notification-pages.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listQuery, listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

/** Console: messages sent for the bureau's region with their status and failures (admins resend), and one's own notification settings. */
@ApiExcludeController()
@Controller('console/notifications')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleNotificationsController {
  constructor(
    private readonly pages: Pages,
    private readonly notifications: NotificationsAdminService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const q = req.query as FormBody;
    const status = (notificationStatuses as string[]).includes(field(q, 'status')) ? field(q, 'status') : '';
    const state = listState(q, { pageSize: 50 });
    const parsed = parseSafe(listNotificationsQuery, {
      ...listQuery(state),
      ...(status ? { status } : {}),
      ...(field(q, 'email') ? { email: field(q, 'email') } : {}),
    });
    const result = parsed.ok
      ? await this.notifications.list(req.actor!, parsed.value)
      : { items: [], total: 0, page: 1, pageSize: state.pageSize };
    const failed = parsed.ok ? (await this.notifications.list(req.actor!, { page: 1, pageSize: 1, status: ['failed'] } as never)).total : 0;
    const prefs = await this.preferences.forUser(req.actor!.userId);
    this.pages.send(
      req,
      res,
      'console/notifications',
      {
        result,
        listState: state,
        failed,
        status,
        email: field(q, 'email'),
        statuses: Object.entries(NOTIFICATION_STATUSES),
        categories: NOTIFICATION_CATEGORIES,
        templateLabels: TEMPLATE_LABELS,
        admin: isAdmin(req.actor),
        prefs,
        frequencies: Object.entries(NOTIFICATION_FREQUENCIES),
      },
      { title: '通知', errors: parsed.ok ? {} : errorMap(parsed.errors), status: 200 },
    );
  }

  @Post('preferences')
  async savePreferences(@Req() req: AuthedRequest, @Res() res: Response) {
    const parsed = parseSafe(preferencesPatchSchema, readPreferencesForm(req.body as FormBody, { staff: true }));
    if (!parsed.ok) throw validationFailed(parsed.errors);
    await this.preferences.updateUser(req.actor!.userId, parsed.value);
    this.pages.redirect(res, '/console/notifications', 'saved');
  }

  @Post(':id/resend')
  @Roles('admin')
  async resend(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '通知');
    await this.notifications.resend(req.actor!, id);
    this.pages.redirect(res, '/console/notifications?status=failed', 'resent');
  }
}
