import { DomainError } from '../shared/domain-error.js';
import type { PatientId } from '../shared/primitives.js';
import type { SittingStatus } from '../scheduling/sitting.js';
import { mayClaimAnother } from './booking-limits.js';

/**
 * What the booking decision needs to know about a sitting, read under its lock: its status,
 * its places, and the active (not cancelled) appointments holding a place.
 * @category Booking
 */
export interface SittingBookingState {
  readonly status: SittingStatus;
  readonly places: number;
  readonly active: readonly { readonly patientId: PatientId; readonly queueNumber: number }[];
}

/**
 * Who asks for a place, whether their idempotency key already names another booking, and
 * the booker's claims (active appointments and waiting entries, counted by the store under
 * the booker's lock) with the most they may hold.
 * @category Booking
 */
export interface BookingAsk {
  readonly patientId: PatientId;
  readonly idempotencyKeyUsedElsewhere: boolean;
  /** The booker's claims now ({@link mayClaimAnother}). */
  readonly claims: number;
  /**
   * `maxActiveAppointmentsPerUser`, or `null` for no limit: a reschedule's target booking
   * (the old place is given up in the same transaction) and internal callers.
   */
  readonly claimLimit: number | null;
}

/** Why a booking is refused, in the order {@link decideBooking} checks. @category Booking */
export const bookingRefusals = {
  SITTING_NOT_FOUND: 'The sitting does not exist.',
  SITTING_CANCELLED: 'The sitting is cancelled.',
  SITTING_CLOSED: 'The sitting is over.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used for another booking.',
  ALREADY_BOOKED: 'The patient already holds a place in this sitting.',
  TOO_MANY_APPOINTMENTS: 'The account holds as many appointments and waiting entries as it may.',
  SITTING_FULL: 'Every place of the sitting is taken.',
} as const;

/** A refusal's code. @category Booking */
export type BookingRefusal = keyof typeof bookingRefusals;

/** The outcome of {@link decideBooking}: a queue number, or the first refusal that applies. @category Booking */
export type BookingDecision<S extends SittingBookingState = SittingBookingState> =
  | { readonly outcome: 'booked'; readonly queueNumber: number; readonly sitting: S }
  | { readonly outcome: 'refused'; readonly refusal: BookingRefusal };

/**
 * The booking decision, the one rule of capacity and queue numbers: a sitting never holds
 * more active appointments than its places, a patient holds at most one of them, a booker
 * holds at most `claimLimit` claims (`MAX_ACTIVE_APPOINTMENTS_PER_USER`), and a new
 * booking gets the lowest number no active appointment holds (a cancelled place is handed
 * out again). Refusals are checked in the order of {@link bookingRefusals}. A booked outcome
 * carries the sitting it was decided on, so callers need not check it again.
 *
 * The in-memory store applies it as it is. PostgreSQL applies the same decision inside
 * `book_appointment` (adapters-postgres, `migrations/repeatable/`), where the sitting row
 * lock makes it atomic; a model test runs both on the same random commands.
 * @category Booking
 */
export function decideBooking<S extends SittingBookingState>(
  sitting: S | undefined,
  ask: BookingAsk,
): BookingDecision<S> {
  const refuse = (refusal: BookingRefusal): BookingDecision<S> => ({ outcome: 'refused', refusal });
  if (!sitting) return refuse('SITTING_NOT_FOUND');
  if (sitting.status === 'cancelled') return refuse('SITTING_CANCELLED');
  if (sitting.status !== 'scheduled') return refuse('SITTING_CLOSED');
  // A key that names another booking is a wrong request whatever the sitting's state.
  if (ask.idempotencyKeyUsedElsewhere) return refuse('IDEMPOTENCY_KEY_REUSED');
  if (sitting.active.some((a) => a.patientId === ask.patientId)) return refuse('ALREADY_BOOKED');
  // Before SITTING_FULL: an account at its limit could not take a freed place either.
  if (
    ask.claimLimit !== null &&
    !mayClaimAnother(ask.claims, { maxActiveAppointmentsPerUser: ask.claimLimit })
  )
    return refuse('TOO_MANY_APPOINTMENTS');
  const queueNumber =
    sitting.active.length < sitting.places
      ? lowestFreeQueueNumber(
          sitting.active.map((a) => a.queueNumber),
          sitting.places,
        )
      : undefined;
  if (queueNumber === undefined) return refuse('SITTING_FULL');
  return { outcome: 'booked', queueNumber, sitting };
}

/** The domain error of a booking refusal, with the same message on every store. @category Booking */
export function bookingRefused(refusal: BookingRefusal): DomainError {
  return new DomainError(refusal, bookingRefusals[refusal]);
}

/**
 * The lowest queue number in `1…places` that no active appointment holds, so a place freed
 * by a cancellation is handed out again; `undefined` when the sitting is full.
 * @category Booking
 */
export function lowestFreeQueueNumber(taken: Iterable<number>, places: number): number | undefined {
  const held = new Set(taken);
  for (let queueNumber = 1; queueNumber <= places; queueNumber++) {
    if (!held.has(queueNumber)) return queueNumber;
  }
  return undefined;
}
