import { defineJob, defineSchedule } from '../platform/queue/job-definition.js';

export const AGREEMENTS_QUEUE = 'agreements';

/**
 * The daily evaluation of every agreement (pledge statuses, tranche states, warnings, recovery
 * cases). Payload empty: "today" is the injected Clock's. Registered as a BullMQ job scheduler
 * (AGREEMENT_SCHEDULER_ID) at AGREEMENT_EVALUATION_HOUR, Asia/Shanghai; idempotent per day.
 */
export const agreementsDailyJob = defineJob<Record<string, never>>({
  name: 'agreements.daily',
  queue: AGREEMENTS_QUEUE,
  options: { attempts: 5 },
});
export const AGREEMENT_SCHEDULER_ID = 'agreements-daily';
/** 06:20 Asia/Shanghai: after the night's imports, before officers start. */
export const AGREEMENT_DAILY_PATTERN = '0 20 6 * * *';
export const agreementsDailySchedule = defineSchedule({
  id: AGREEMENT_SCHEDULER_ID,
  job: agreementsDailyJob,
  repeat: () => ({ pattern: AGREEMENT_DAILY_PATTERN, tz: 'Asia/Shanghai' }),
});
