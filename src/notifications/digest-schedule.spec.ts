import { isDue, lastSlot, nextSlot } from './digest-schedule.js';

// 2026-01-05 is a Monday. 08:00 Asia/Shanghai = 00:00 UTC.
describe('digest slots (Asia/Shanghai)', () => {
  it('daily: today at the hour once it has passed, else yesterday', () => {
    expect(lastSlot(new Date('2026-01-05T00:00:00Z'), 'daily', 8, 1).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(lastSlot(new Date('2026-01-04T23:59:59Z'), 'daily', 8, 1).toISOString()).toBe('2026-01-04T00:00:00.000Z');
    expect(lastSlot(new Date('2026-01-05T15:30:00Z'), 'daily', 8, 1).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    // 23:30 Shanghai on the 5th is 15:30 UTC; a 0:00 digest hour is 16:00 UTC the day before
    expect(lastSlot(new Date('2026-01-05T15:30:00Z'), 'daily', 0, 1).toISOString()).toBe('2026-01-04T16:00:00.000Z');
    expect(nextSlot(new Date('2026-01-05T15:30:00Z'), 'daily', 8, 1).toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });

  it('weekly: the latest configured weekday at the hour', () => {
    // Monday 08:00 Shanghai
    expect(lastSlot(new Date('2026-01-05T00:00:00Z'), 'weekly', 8, 1).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    // just before it: the previous Monday
    expect(lastSlot(new Date('2026-01-04T23:00:00Z'), 'weekly', 8, 1).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    // Sunday the 11th, afternoon: still Monday the 5th
    expect(lastSlot(new Date('2026-01-11T08:00:00Z'), 'weekly', 8, 1).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    // Fridays (5) at 17:00 Shanghai = 09:00 UTC
    expect(lastSlot(new Date('2026-01-11T08:00:00Z'), 'weekly', 17, 5).toISOString()).toBe('2026-01-09T09:00:00.000Z');
    expect(nextSlot(new Date('2026-01-11T08:00:00Z'), 'weekly', 8, 1).toISOString()).toBe('2026-01-12T00:00:00.000Z');
  });

  it('is due when the oldest pending item is older than the latest slot', () => {
    const item = new Date('2026-01-05T02:00:00Z'); // Monday 10:00 Shanghai, after that day's digest
    expect(isDue('instant', item, new Date('2026-01-05T02:00:01Z'), 8, 1)).toBe(true);
    expect(isDue('daily', item, new Date('2026-01-05T23:59:59Z'), 8, 1)).toBe(false);
    expect(isDue('daily', item, new Date('2026-01-06T00:00:00Z'), 8, 1)).toBe(true);
    expect(isDue('weekly', item, new Date('2026-01-11T23:59:59Z'), 8, 1)).toBe(false);
    expect(isDue('weekly', item, new Date('2026-01-12T00:00:00Z'), 8, 1)).toBe(true);
    expect(isDue('off', item, new Date('2026-02-01T00:00:00Z'), 8, 1)).toBe(false);
  });
});
