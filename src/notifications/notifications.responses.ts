import { z } from 'zod';
import { apiSchema, pageOf } from '../platform/http/openapi.js';
import type { NotificationView } from './notifications-admin.service.js';
import type { UserPreferences } from './notification-preferences.service.js';

/** The documented answers (OpenAPI) of the notification routes. */

const source = z.enum(['user', 'enterprise', 'default']).describe('where the value comes from');
export const preferencesResponse = apiSchema(
  'NotificationPreferences',
  z.strictObject({
    matchFrequency: z.string().describe('how often match mail comes'),
    matchFrequencySource: source,
    reminders: z.boolean().describe('staff: follow-up reminders'),
    regionAlerts: z.boolean().describe("staff: every 招商动态 of the region, not only their own leads' and their bureau's"),
    language: z.string(),
    languageSource: source,
  }),
);

const isoString = z.iso.datetime({ offset: true });
export const notificationResponse = apiSchema(
  'Notification',
  z.strictObject({
    id: z.number().int(),
    template: z.string(),
    category: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    recipient: z.strictObject({
      userId: z.number().int().nullable(),
      enterpriseId: z.number().int().nullable(),
      email: z.string().nullable(),
      name: z.string().nullable(),
    }),
    dedupeKey: z.string(),
    messageId: z.string(),
    providerMessageId: z.string().nullable(),
    createdAt: isoString,
    nextAttemptAt: isoString.nullable(),
    sentAt: isoString.nullable(),
    resentAt: isoString.nullable(),
    data: z.record(z.string(), z.unknown()).optional().describe('detail only: the content snapshot (account mail redacted)'),
  }),
);
export const notificationPageResponse = apiSchema('NotificationPage', pageOf(notificationResponse));

export const notificationViewsChecked: [
  NotificationView extends z.input<typeof notificationResponse> ? true : never,
  UserPreferences extends z.input<typeof preferencesResponse> ? true : never,
] = [true, true];
