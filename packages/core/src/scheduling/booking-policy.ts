import type { LocalDate } from '../shared/primitives.js';

/**
 * The booking window: a sitting closes `cutoffMinutes` before it starts, and sittings up to
 * `horizonWeeks` weeks ahead (counted from today in the slot's zone) can be booked.
 * @category Scheduling
 */
export interface BookingPolicy {
  readonly cutoffMinutes: number;
  readonly horizonWeeks: number;
}

/** One occurrence of a slot: its local date and the instants it starts and ends. @category Scheduling */
export interface SittingTimes {
  readonly date: LocalDate;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** The defaults of DESIGN.md: no cutoff, four weeks ahead. @category Scheduling */
export const defaultBookingPolicy: BookingPolicy = { cutoffMinutes: 0, horizonWeeks: 4 };
