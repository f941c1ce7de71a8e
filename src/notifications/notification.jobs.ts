import { defineJob } from '../platform/queue/job-definition.js';

export const MAIL_QUEUE = 'mail';

/**
 * Sends one notification row. The payload is the row id only (no address, no content). Job ids
 * are `notification-<id>-a<attempts made>`, so a retry, a rescue of a lost job and the original
 * enqueue can never create two live jobs for the same attempt. SMTP outcomes are handled inside
 * the handler (temporary → a new delayed job with backoff; permanent → failed); BullMQ's own
 * retries only cover unexpected errors such as the database being unreachable.
 */
export const sendNotificationJob = defineJob<{ id: number }>({
  name: 'notifications.send',
  queue: MAIL_QUEUE,
  options: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
    // the row is the record of what happened; a finished job is not needed (and a re-added id
    // that runs again only finds its row already claimed or done)
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  },
});

export const sendJobId = (id: number, attempts: number) => `notification-${id}-a${attempts}`;
