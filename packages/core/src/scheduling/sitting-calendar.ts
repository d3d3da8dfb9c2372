import type { NewSitting, Sitting } from './sitting.js';
import type { Slot } from './slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { SittingReader } from './sitting-repository.js';
import type { BookingPolicy, SittingTimes } from './booking-policy.js';
import { addDays, toLocalDate } from './local-date.js';
import { horizonEnd } from './next-sitting.js';
import { localDateOf } from './wall-clock.js';

/** A range of local dates, both ends included. */
export interface DateWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * From yesterday (in the slot's zone) up to the booking horizon: the window that any open or
 * running sitting falls in. Yesterday counts because a sitting that started before midnight
 * elsewhere may still be running.
 */
export function sittingWindow(
  slot: Pick<Slot, 'timeZone'>,
  now: Date,
  policy: BookingPolicy,
): DateWindow {
  return { from: addDays(localDateOf(now, slot.timeZone), -1), to: horizonEnd(slot, now, policy) };
}

/**
 * A window that holds the {@link sittingWindow} of a slot in any zone, for reading sittings
 * before the slot (and so its zone) is known: UTC offsets stay within −12 h … +14 h, so a
 * zone's date is at most one day off the UTC date.
 */
export function sittingWindowOfAnyZone(now: Date, policy: BookingPolicy): DateWindow {
  const utcDay = Math.floor(now.getTime() / 86_400_000);
  return { from: toLocalDate(utcDay - 2), to: toLocalDate(utcDay + 1 + 7 * policy.horizonWeeks) };
}

/** Those of `sittings` dated within `window`. */
export function sittingsIn(sittings: readonly Sitting[], window: DateWindow): Sitting[] {
  return sittings.filter((s) => window.from <= s.date && s.date <= window.to);
}

/** The slot's stored sittings in its {@link sittingWindow}. */
export function storedSittingsInWindow(
  sittings: SittingReader,
  slot: Pick<Slot, 'id' | 'timeZone'>,
  now: Date,
  policy: BookingPolicy,
): Promise<readonly Sitting[]> {
  const { from, to } = sittingWindow(slot, now, policy);
  return sittings.listBySlot(slot.id, from, to);
}

/** Dates of cancelled sittings among `sittings`, as the scheduling functions take them. */
export function cancelledDates(sittings: readonly Sitting[]): Set<LocalDate> {
  return new Set(sittings.filter((s) => s.status === 'cancelled').map((s) => s.date));
}

/** What `SittingRepository.ensure` needs for the slot's sitting at `times`. */
export function newSittingOf(slot: Slot, times: SittingTimes): NewSitting {
  return {
    slotId: slot.id,
    doctorId: slot.doctorId,
    date: times.date,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    places: slot.places,
    durationMinutes: slot.durationMinutes,
  };
}
