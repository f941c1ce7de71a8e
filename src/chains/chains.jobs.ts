import { defineJob, defineSchedule } from '../platform/queue/job-definition.js';

export const CHAINS_QUEUE = 'chains';

/**
 * Recomputes every chain's segment statuses (enterprises register, leads land: a segment's
 * presence moves without a chain write) and announces the chains whose statuses changed.
 */
export const chainStatusesJob = defineJob<Record<string, never>>({
  name: 'chains.statuses',
  queue: CHAINS_QUEUE,
  options: { attempts: 3 },
});

/** Every quarter hour. */
export const chainStatusesSchedule = defineSchedule({
  id: 'chains-statuses',
  job: chainStatusesJob,
  repeat: () => ({ pattern: '0 */15 * * * *', tz: 'Asia/Shanghai' }),
});
