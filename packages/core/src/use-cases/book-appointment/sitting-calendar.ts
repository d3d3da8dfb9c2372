import type { LocalDate, NewSitting, Sitting, Slot } from '../../models/index.js';
import type { SittingRepository } from '../../ports/sitting-repository.js';
import type { BookingPolicy, SittingTimes } from '../../scheduling/index.js';
import { addDays, horizonEnd, localDateOf } from '../../scheduling/index.js';

/**
 * The slot's sittings stored from yesterday (in its zone) up to the booking horizon: the
 * window that any open or running sitting falls in. Yesterday counts because a sitting
 * that started before midnight elsewhere may still be running.
 */
export function storedSittingsInWindow(
  sittings: SittingRepository,
  slot: Pick<Slot, 'id' | 'timeZone'>,
  now: Date,
  policy: BookingPolicy,
): Promise<readonly Sitting[]> {
  const from = addDays(localDateOf(now, slot.timeZone), -1);
  return sittings.listBySlot(slot.id, from, horizonEnd(slot, now, policy));
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
