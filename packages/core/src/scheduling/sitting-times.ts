import type { LocalDate } from '../shared/primitives.js';
import { isoWeekday } from '../shared/primitives.js';
import type { Slot } from './slot.js';
import type { SittingTimes } from './booking-policy.js';
import { isoWeekdayOf } from './local-date.js';
import { minutesOfDay } from './local-time.js';
import { zonedInstant } from './wall-clock.js';

const msPerMinute = 60_000;

/**
 * When a slot's sitting on `date` starts and ends. The start keeps its wall-clock time
 * across DST changes (10:30 stays 10:30 local), and local times that do not exist or occur
 * twice follow iCalendar (RFC 5545 §3.3.5), see docs/adr/0001-dst-and-wall-clock-times.md:
 * - a start inside a DST gap is read with the UTC offset in force before the gap, so it
 *   lands later by the gap (02:30 on 2026-03-08 in America/New_York → 03:30 EDT, 07:30Z);
 * - an ambiguous start (clocks set back) is its first occurrence, the earlier instant
 *   (01:30 on 2026-11-01 in America/New_York → 01:30 EDT, 05:30Z).
 *
 * `endsAt` is `startsAt` plus `durationMinutes × places` of elapsed time, so a sitting
 * spanning a DST change lasts exactly as long as its places need.
 * `date` is not checked against the slot's weekday: see {@link isSlotDate}.
 * @category Scheduling
 */
export function sittingTimes(
  slot: Pick<Slot, 'start' | 'timeZone' | 'durationMinutes' | 'places'>,
  date: LocalDate,
): SittingTimes {
  const startsAt = zonedInstant(date, minutesOfDay(slot.start), slot.timeZone);
  const endsAt = new Date(startsAt.getTime() + slot.durationMinutes * slot.places * msPerMinute);
  return { date, startsAt, endsAt };
}

/** Whether `date` falls on the slot's weekday. @category Scheduling */
export function isSlotDate(slot: Pick<Slot, 'day'>, date: LocalDate): boolean {
  return isoWeekdayOf(date) === isoWeekday(slot.day);
}

/**
 * Whether a sitting starting at `startsAt` can still be booked at `now`: strictly before
 * `startsAt − cutoffMinutes`.
 * @category Scheduling
 */
export function isBookingOpen(startsAt: Date, now: Date, cutoffMinutes: number): boolean {
  return now.getTime() < startsAt.getTime() - cutoffMinutes * msPerMinute;
}

/**
 * The expected time of queue number `queueNumber` (1-based) in a sitting:
 * `startsAt + (queueNumber − 1) × durationMinutes`.
 * @category Scheduling
 */
export function expectedTime(startsAt: Date, durationMinutes: number, queueNumber: number): Date {
  return new Date(startsAt.getTime() + (queueNumber - 1) * durationMinutes * msPerMinute);
}
