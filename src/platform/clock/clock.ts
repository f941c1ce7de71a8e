import { Injectable } from '@nestjs/common';

/** The time source; tests replace it to control "now" (reminders, digests, validity windows). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests can set and advance. */
export class FakeClock extends Clock {
  constructor(private current = new Date('2026-01-05T02:00:00Z')) {
    super();
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(d: Date | string): void {
    this.current = new Date(d);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
