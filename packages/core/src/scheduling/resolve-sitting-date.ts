import { DomainError } from '../shared/domain-error.js';
import type { Sitting } from './sitting.js';
import type { Slot } from './slot.js';
import type { LocalDate } from '../shared/primitives.js';
import type { BookingPolicy, SittingTimes } from './booking-policy.js';
import { horizonEnd, nextSitting } from './next-sitting.js';
import { isBookingOpen, isSlotDate, sittingTimes } from './sitting-times.js';
import { cancelledDates } from './sitting-calendar.js';

/**
 * The sitting a booking is for: the next open one when no date is given, else the one on
 * `date` after checking, in this order, that it is a slot date, has not ended, is still
 * open, is within the horizon and is not cancelled (each refusal with its own code).
 * `stored` are the slot's stored sittings of the booking window, to learn cancelled dates.
 */
export function resolveSittingDate(
  slot: Slot,
  date: LocalDate | undefined,
  now: Date,
  policy: BookingPolicy,
  stored: readonly Sitting[],
): SittingTimes {
  const cancelled = cancelledDates(stored);
  if (date === undefined) {
    const next = nextSitting(slot, now, policy, cancelled);
    if (!next)
      throw new DomainError(
        'SITTING_OUT_OF_HORIZON',
        'The slot has no open sitting within the booking horizon.',
      );
    return next;
  }
  if (!isSlotDate(slot, date))
    throw new DomainError('NOT_A_SITTING_DATE', `The slot has no sitting on ${date}.`);
  const times = sittingTimes(slot, date);
  if (now.getTime() >= times.endsAt.getTime())
    throw new DomainError('SITTING_PAST', `The sitting of ${date} has ended.`);
  if (!isBookingOpen(times.startsAt, now, policy.cutoffMinutes)) {
    throw new DomainError('SITTING_CLOSED', `Booking for the sitting of ${date} has closed.`);
  }
  if (date > horizonEnd(slot, now, policy)) {
    throw new DomainError(
      'SITTING_OUT_OF_HORIZON',
      `The sitting of ${date} is beyond the booking horizon.`,
    );
  }
  if (cancelled.has(date))
    throw new DomainError('SITTING_CANCELLED', `The sitting of ${date} is cancelled.`);
  return times;
}
