import { DomainError } from '../shared/domain-error.js';
import type { AppointmentDetails } from './appointment.js';
import type { BookingLimits } from './booking-limits.js';
import { isTooLateToChange } from './booking-limits.js';
import type { LocalDate } from '../shared/primitives.js';
import type { Sitting, NewSitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { BookingPolicy } from '../scheduling/booking-policy.js';
import { expectedTime } from '../scheduling/sitting-times.js';
import { resolveSittingDate } from '../scheduling/resolve-sitting-date.js';
import { newSittingOf, sittingWindow, sittingsIn } from '../scheduling/sitting-calendar.js';

/** What {@link decideReschedule} decides on, read before any write. @category Booking */
export interface RescheduleAsk {
  /** The appointment to move, as its owner sees it. */
  readonly details: AppointmentDetails;
  /** The target slot (the appointment's own when none was named); `undefined`: no such slot. */
  readonly slot: Slot | undefined;
  /** The target date; `undefined`: the slot's next open sitting. */
  readonly date: LocalDate | undefined;
  /** The target slot's stored sittings (at least those of its booking window), for cancelled dates. */
  readonly stored: readonly Sitting[];
  readonly now: Date;
  readonly policy: BookingPolicy;
  readonly limits: BookingLimits;
}

/**
 * Whether an appointment may move, and where to: the target sitting (to be ensured, then
 * booked by the store's one booking decision, `decideBooking`). Refusals, in this order:
 * 1. `INVALID_STATUS_TRANSITION` unless it is `booked`: a checked-in patient is at the
 *    clinic, in this sitting's queue; moving them is the doctor's call (cancel, then book);
 * 2. `TOO_LATE_TO_CHANGE` later than `cancelNoticeMinutes` before its planned time;
 * 3. `SLOT_NOT_FOUND`; 4. `DIFFERENT_DOCTOR` for a slot of another doctor;
 * 5. the target date's refusals, as a booking's (`resolveSittingDate`);
 * 6. `SAME_SITTING` when the target is the appointment's own sitting.
 * Whether the target has a free place is not decided here: only the store knows, under the lock.
 * @category Booking
 */
export function decideReschedule(ask: RescheduleAsk): NewSitting {
  const { details, slot, now } = ask;
  const { appointment } = details;
  if (appointment.status !== 'booked') {
    throw new DomainError(
      'INVALID_STATUS_TRANSITION',
      `Only a booked appointment can be rescheduled; this one is ${appointment.status}.`,
    );
  }
  const planned = expectedTime(
    details.sittingStartsAt,
    details.durationMinutes,
    appointment.queueNumber,
  );
  if (isTooLateToChange(planned, now, ask.limits)) {
    throw new DomainError(
      'TOO_LATE_TO_CHANGE',
      `Too late to reschedule: changes close ${ask.limits.cancelNoticeMinutes} minutes before the planned time.`,
    );
  }
  if (!slot) throw new DomainError('SLOT_NOT_FOUND', 'No such slot.');
  if (slot.doctorId !== appointment.doctorId) {
    throw new DomainError(
      'DIFFERENT_DOCTOR',
      'An appointment can only move to a sitting of the same doctor.',
    );
  }
  const stored = sittingsIn(ask.stored, sittingWindow(slot, now, ask.policy));
  const times = resolveSittingDate(slot, ask.date, now, ask.policy, stored);
  if (slot.id === appointment.slotId && times.date === details.date) {
    throw new DomainError(
      'SAME_SITTING',
      `The appointment is in the sitting of ${times.date} already.`,
    );
  }
  return newSittingOf(slot, times);
}
