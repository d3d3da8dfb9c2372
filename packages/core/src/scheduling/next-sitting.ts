import type { LocalDate } from '../shared/primitives.js';
import { isoWeekday } from '../shared/primitives.js';
import type { Slot } from './slot.js';
import type { BookingPolicy, SittingTimes } from './booking-policy.js';
import { addDays, isoWeekdayOf } from './local-date.js';
import { isBookingOpen, sittingTimes } from './sitting-times.js';
import { localDateOf } from './wall-clock.js';

type SchedulableSlot = Pick<Slot, 'day' | 'start' | 'timeZone' | 'durationMinutes' | 'places'>;

/**
 * The last date a sitting can be booked for at `now`: today in the slot's zone plus
 * `7 × horizonWeeks` days.
 * @category Scheduling
 */
export function horizonEnd(
  slot: Pick<Slot, 'timeZone'>,
  now: Date,
  policy: BookingPolicy,
): LocalDate {
  return addDays(localDateOf(now, slot.timeZone), 7 * policy.horizonWeeks);
}

/** The slot's dates from today (in its zone) to the horizon, ascending. */
function* slotDatesWithinHorizon(
  slot: SchedulableSlot,
  now: Date,
  policy: BookingPolicy,
): Generator<LocalDate> {
  const today = localDateOf(now, slot.timeZone);
  const daysAhead = (isoWeekday(slot.day) - isoWeekdayOf(today) + 7) % 7;
  for (let ahead = daysAhead; ahead <= 7 * policy.horizonWeeks; ahead += 7) {
    yield addDays(today, ahead);
  }
}

/**
 * Every sitting of `slot` that can be booked at `now`, ascending: on the slot's weekday,
 * not in `cancelledDates`, still open (`now < startsAt − cutoff`) and dated no later than
 * today in the slot's zone plus `7 × horizonWeeks` days.
 * @category Scheduling
 */
export function upcomingSittings(
  slot: SchedulableSlot,
  now: Date,
  policy: BookingPolicy,
  cancelledDates: ReadonlySet<LocalDate>,
): SittingTimes[] {
  const sittings: SittingTimes[] = [];
  for (const date of slotDatesWithinHorizon(slot, now, policy)) {
    if (cancelledDates.has(date)) continue;
    const times = sittingTimes(slot, date);
    if (isBookingOpen(times.startsAt, now, policy.cutoffMinutes)) sittings.push(times);
  }
  return sittings;
}

/**
 * The next sitting of `slot` that can be booked at `now`: the earliest of
 * {@link upcomingSittings}. Today counts while it is still open; cancelled dates are
 * skipped. `undefined` when no date within the horizon qualifies.
 * @example
 * ```ts
 * import { nextSitting } from '@doctorly/core';
 *
 * const slot = { day: 'monday', start: '10:30', timeZone: 'Europe/Berlin', durationMinutes: 10, places: 10 } as const;
 * const policy = { horizonWeeks: 4, cutoffMinutes: 60 };
 *
 * // Monday 23 March 2026, 09:00Z: today's 10:30 (09:30Z) closes at 08:30Z, so next week's.
 * nextSitting(slot, new Date('2026-03-23T09:00:00Z'), policy, new Set());
 * // → { date: '2026-03-30', startsAt: 2026-03-30T08:30:00.000Z, endsAt: 2026-03-30T10:10:00.000Z }
 * //   still 10:30 local: Berlin moved to summer time (UTC+2) in between
 *
 * // The doctor cancelled that date: the sitting after it.
 * nextSitting(slot, new Date('2026-03-23T09:00:00Z'), policy, new Set(['2026-03-30']));
 * // → { date: '2026-04-06', … }
 * ```
 * @category Scheduling
 */
export function nextSitting(
  slot: SchedulableSlot,
  now: Date,
  policy: BookingPolicy,
  cancelledDates: ReadonlySet<LocalDate>,
): SittingTimes | undefined {
  for (const date of slotDatesWithinHorizon(slot, now, policy)) {
    if (cancelledDates.has(date)) continue;
    const times = sittingTimes(slot, date);
    if (isBookingOpen(times.startsAt, now, policy.cutoffMinutes)) return times;
  }
  return undefined;
}
