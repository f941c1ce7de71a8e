import { Global, Module } from '@nestjs/common';
import { NotificationsEnterpriseMerge } from './notifications.enterprise-merge.js';
import { DigestBuilder } from './digest-builder.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';
import { InboxTriggers } from './inbox.triggers.js';
import { NotificationLinks } from './links.js';
import { MailTransport } from './mail-transport.js';
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
 * pooled SMTP, the rescuer and the digest slots (job schedulers, notification.jobs.ts). Global, so any module can inject NotificationsService.
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
    NotificationEventProcessor,
    InboxService,
    InboxTriggers,
  ],
  exports: [NotificationsService, NotificationsAdminService, NotificationLinks, NotificationPreferencesService, InboxService],
})
export class NotificationsModule {}
