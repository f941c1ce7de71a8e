import type { MatchFrequency } from './notification.vocabulary.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI = 8 * HOUR;

/**
 * The latest digest slot at or before `now`: today's (or yesterday's) `hour`:00 in Asia/Shanghai
 * for daily digests; the latest ISO `weekday` (1 = Monday) at that hour for weekly ones.
 */
export function lastSlot(now: Date, frequency: 'daily' | 'weekly', hour: number, weekday: number): Date {
  const local = new Date(now.getTime() + SHANGHAI);
  let slot = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - SHANGHAI;
  if (slot > now.getTime()) slot -= DAY;
  if (frequency === 'weekly') {
    for (let i = 0; i < 7 && isoWeekday(slot) !== weekday; i++) slot -= DAY;
  }
  return new Date(slot);
}

/** The next slot strictly after `now` (for display: "your next digest"). */
export function nextSlot(now: Date, frequency: 'daily' | 'weekly', hour: number, weekday: number): Date {
  const last = lastSlot(now, frequency, hour, weekday).getTime();
  return new Date(last + (frequency === 'daily' ? DAY : 7 * DAY));
}

const isoWeekday = (utcMs: number) => ((new Date(utcMs + SHANGHAI).getUTCDay() + 6) % 7) + 1;

/**
 * Whether a recipient's pending items are due now: instantly always; a daily or weekly digest
 * once the latest slot has passed for the oldest pending item (it collects everything pending
 * then, so each digest holds what is new since the previous one); never when off.
 */
export function isDue(frequency: MatchFrequency, oldestPending: Date, now: Date, hour: number, weekday: number): boolean {
  if (frequency === 'instant') return true;
  if (frequency === 'off') return false;
  return oldestPending.getTime() < lastSlot(now, frequency, hour, weekday).getTime();
}
