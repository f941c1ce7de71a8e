import { z } from 'zod';
import { apiSchema, pageOf, timestamp } from '../platform/http/openapi.js';
import { boolParam, pageQuery } from '../platform/http/pagination.js';
import { inboxKinds } from './inbox.vocabulary.js';

export const listInboxQuery = z.strictObject({
  ...pageQuery,
  /** Only the unread ones. */
  unread: boolParam.optional(),
});
export type ListInboxQuery = z.output<typeof listInboxQuery>;

export const inboxItemResponse = apiSchema(
  'InboxMessage',
  z.strictObject({
    id: z.number().int(),
    kind: z.enum(inboxKinds),
    kindLabel: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().describe('a path inside the site'),
    createdAt: timestamp,
    readAt: timestamp.nullable(),
  }),
);
export const inboxPageResponse = apiSchema('InboxPage', pageOf(inboxItemResponse).extend({ unread: z.number().int().min(0) }));
export const unreadCountResponse = apiSchema(
  'InboxUnread',
  z.strictObject({ unread: z.number().int().min(0).describe('counted up to 100') }),
);
export const markedReadResponse = apiSchema('InboxRead', z.strictObject({ id: z.number().int(), link: z.string() }));
export const markedAllResponse = apiSchema('InboxReadAll', z.strictObject({ marked: z.number().int().min(0) }));
