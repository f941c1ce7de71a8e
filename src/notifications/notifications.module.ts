import { Global, Inject, Module } from '@nestjs/common';
import { NotificationsEnterpriseMerge } from './notifications.enterprise-merge.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { defineQueue } from '../platform/queue/job-definition.js';
import { DigestBuilder } from './digest-builder.js';
import { DigestScheduler } from './digest-scheduler.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';
import { NotificationLinks } from './links.js';
import { MailTransport } from './mail-transport.js';
import { MAIL_QUEUE } from './notification.jobs.js';
import { NotificationEventProcessor } from './notification-events.processor.js';
import { NotificationRescuer } from './notification-rescuer.js';
import { NotificationSender } from './notification-sender.js';
import { NotificationsAdminService } from './notifications-admin.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsService } from './notifications.service.js';
import './templates/notice.js';

/**
 * E-mail notifications: the message outbox (NotificationsService.enqueue), the sender job over
 * pooled SMTP, the rescuer. Global, so any module can inject NotificationsService.
 */
@Global()
@Module({
  controllers: [NotificationsController, InboxController],
  providers: [
    NotificationsEnterpriseMerge,
    NotificationsAdminService,
    NotificationPreferencesService,
    NotificationsService,
    NotificationLinks,
    MailTransport,
    NotificationSender,
    NotificationRescuer,
    DigestBuilder,
    DigestScheduler,
    NotificationEventProcessor,
    InboxService,
  ],
  exports: [NotificationsService, NotificationsAdminService, NotificationLinks, NotificationPreferencesService, InboxService],
})
export class NotificationsModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // one rate limit for all workers of the mail queue (kept in Redis by BullMQ)
    defineQueue(MAIL_QUEUE, {
      concurrency: config.MAIL_CONCURRENCY,
      limiter: { max: config.MAIL_RATE_PER_SECOND, duration: 1000 },
      lockDuration: Math.max(30_000, 2 * config.MAIL_SEND_TIMEOUT_MS),
    });
  }
}
