import { defineJob, defineSchedule } from '../platform/queue/job-definition.js';

export const LEADS_QUEUE = 'leads';

/** The day's reminders (payload empty: "today" is the clock's). */
export const leadRemindersJob = defineJob<Record<string, never>>({ name: 'leads.reminders', queue: LEADS_QUEUE, options: { attempts: 5 } });
export const REMINDER_SCHEDULER_ID = 'leads-reminders-daily';

/** Daily at LEAD_REMINDER_HOUR:05, Asia/Shanghai. */
export const leadRemindersSchedule = defineSchedule({
  id: REMINDER_SCHEDULER_ID,
  job: leadRemindersJob,
  repeat: (config) => ({ pattern: `0 5 ${config.LEAD_REMINDER_HOUR} * * *`, tz: 'Asia/Shanghai' }),
});
