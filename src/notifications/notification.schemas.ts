import { z } from 'zod';
import { listParam, pageQuery } from '../platform/http/pagination.js';
import { text } from '../platform/validation/common.js';
import { matchFrequencies, MESSAGE_LANGUAGES, notificationCategories, notificationStatuses } from './notification.vocabulary.js';

const id = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const listNotificationsQuery = z.strictObject({
  ...pageQuery,
  status: listParam(z.enum(notificationStatuses)),
  category: listParam(z.enum(notificationCategories)),
  template: text(60).optional(),
  /** Part of the recipient's address. */
  email: text(254).optional(),
  userId: id.optional(),
  enterpriseId: id.optional(),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

export const preferencesPatchSchema = z
  .strictObject({
    matchFrequency: z.enum(matchFrequencies).nullable().optional(),
    reminders: z.boolean().optional(),
    /** Staff: also every 招商动态 of the region (matches and interests another bureau is responsible for). */
    regionAlerts: z.boolean().optional(),
    language: z.enum(MESSAGE_LANGUAGES).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项设置');
export type PreferencesPatchInput = z.output<typeof preferencesPatchSchema>;

/** The settings form of a signed link (application/x-www-form-urlencoded; checkboxes are "on" or absent). */
export const settingsFormSchema = z.object({
  matchFrequency: z.enum(matchFrequencies).optional(),
  language: z.enum(MESSAGE_LANGUAGES).optional(),
  reminders: z.literal('on').optional(),
  match: z.literal('on').optional(),
  checkboxes: z.literal('1').optional(),
  _csrf: z.string().optional(),
});
