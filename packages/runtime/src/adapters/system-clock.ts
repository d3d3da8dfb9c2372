import type { Clock } from '@doctorly/core';

/** The machine's clock: the one place outside tests where Doctorly learns the time. @category Adapters */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
