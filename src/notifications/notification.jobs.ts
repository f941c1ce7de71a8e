import { defineJob, defineQueue, defineSchedule } from '../platform/queue/job-definition.js';

export const MAIL_QUEUE = 'mail';
/**
 * The notifications' work caused by time (digest slots, the rescuer): a queue of its own, so it
 * never waits behind a backlog of mail or counts against the mail rate limit.
 */
export const NOTIFICATION_TIMERS_QUEUE = 'notification-timers';

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

// one rate limit for all workers of the mail queue (kept in Redis by BullMQ)
defineQueue(MAIL_QUEUE, (config) => ({
  concurrency: config.MAIL_CONCURRENCY,
  limiter: { max: config.MAIL_RATE_PER_SECOND, duration: 1000 },
  lockDuration: Math.max(30_000, 2 * config.MAIL_SEND_TIMEOUT_MS),
}));

/** Frequent ticks: the row is what matters, a finished tick is not kept. */
const TICK_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: { age: 24 * 3600, count: 100 } };

/** Builds the digests that are due (the daily and weekly slots; instant ones an earlier pass could not build). */
export const buildDueDigestsJob = defineJob<Record<string, never>>({
  name: 'notifications.digests',
  queue: NOTIFICATION_TIMERS_QUEUE,
  options: TICK_OPTIONS,
});
export const DIGEST_TICK_MS = 30_000;
export const digestsSchedule = defineSchedule({
  id: 'notifications-digests',
  job: buildDueDigestsJob,
  repeat: () => ({ every: DIGEST_TICK_MS }),
});

/** Hands messages whose job is gone back to the mail queue (NotificationRescuer). */
export const rescueNotificationsJob = defineJob<Record<string, never>>({
  name: 'notifications.rescue',
  queue: NOTIFICATION_TIMERS_QUEUE,
  options: TICK_OPTIONS,
});
/** Half the rescue period, between 250 ms and 30 s. */
export const rescueIntervalMs = (rescueAfterMs: number) => Math.max(250, Math.min(30_000, Math.floor(rescueAfterMs / 2)));
export const rescueSchedule = defineSchedule({
  id: 'notifications-rescue',
  job: rescueNotificationsJob,
  repeat: (config) => ({ every: rescueIntervalMs(config.MAIL_RESCUE_AFTER_MS) }),
});
