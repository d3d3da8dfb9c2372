import type { Clock } from '../shared/clock.js';

/** A {@link Clock} that only moves when told to: tests drive time with `set` and `advance`. @category Testing */
export class ManualClock implements Clock {
  private instant: number;

  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    this.instant = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant).getTime();
  }

  /** Moves time forward by `seconds` (fractions allowed). */
  advance(seconds: number): void {
    this.instant += Math.round(seconds * 1000);
  }
}
