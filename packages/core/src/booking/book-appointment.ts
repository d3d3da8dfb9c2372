import type { z } from 'zod';
import { DomainError, isDomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { AppointmentDetails } from './appointment.js';
import type { Actor } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { CommittedBooking, UnitOfWork } from '../shared/unit-of-work.js';
import type { BookingPolicy } from '../scheduling/booking-policy.js';
import { BookAppointmentInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { bookedLiveTiming, presentAppointment } from './live-appointment-views.js';
import { toAppointmentView } from './appointment-view.js';
import { appointmentBooked, sittingChanged } from './appointment-events.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { patientFacts } from '../access/facts.js';
import { resolveSittingDate } from '../scheduling/resolve-sitting-date.js';
import {
  newSittingOf,
  sittingWindow,
  sittingWindowOfAnyZone,
  sittingsIn,
} from '../scheduling/sitting-calendar.js';

/**
 * Books a place for one of the caller's patients in a sitting of a slot: the next open
 * sitting, or the one on a given date. The repository takes the lowest free queue number
 * atomically (capacity and one place per patient are the store's guarantee). A request
 * repeated with the same idempotency key returns the first booking. The store is asked once
 * for what the decision needs and once for the write (sitting, place and its details), so a
 * database serves a booking in few round trips; the date is still decided here.
 * @example
 * ```ts
 * import { BookAppointment, isDomainError } from '@doctorly/core';
 *
 * // Ports from any adapters: PostgresUnitOfWork or InMemoryUnitOfWork, a Clock …
 * const book = new BookAppointment(uow, publisher, clock, { horizonWeeks: 4, cutoffMinutes: 0 });
 * const actor = { userId: 2, role: 'user' } as const; // from your authentication
 *
 * // The next open sitting of slot 14, for patient 5 (who must belong to the actor):
 * const appointment = await book.execute(actor, { patient_id: 5, slot_id: 14 });
 * appointment.queue_number;  // 3
 * appointment.expected_time; // '2026-11-30T10:50:00.000Z' (start + 2 × 10 minutes)
 *
 * // A given date, safe to retry: the same key answers the first booking again.
 * try {
 *   await book.execute(actor, { patient_id: 5, slot_id: 14, date: '2026-12-07', idempotency_key: 'b7f1c2' });
 * } catch (error) {
 *   if (isDomainError(error, 'SITTING_FULL')) console.log('Try another date.');
 *   else throw error; // VALIDATION_FAILED, ALREADY_BOOKED, NOT_A_SITTING_DATE …
 * }
 * ```
 * @category Use cases
 */
export class BookAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly policy: BookingPolicy,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof BookAppointmentInput>,
  ): Promise<AppointmentView> {
    const { patient_id, slot_id, date, idempotency_key } = parseInput(BookAppointmentInput, input);
    const now = this.clock.now();
    const key = idempotency_key ?? null;
    // One read for everything the decision needs. The slot's zone is not known yet, so the
    // sittings come for a window that holds the slot's own, narrowed below.
    const context = await this.uow.read.appointments.bookingContext({
      patientId: patient_id,
      slotId: slot_id,
      ...sittingWindowOfAnyZone(now, this.policy),
      earlier: key === null ? null : { bookedBy: actor.userId, key },
    });
    const { slot } = context;
    // Another user's patient answers like a missing one: its existence must not leak.
    const patient = authorized(
      actor,
      'patient.book',
      context.patient,
      patientFacts(patient_id, context.patient),
    );
    if (!slot) throw new DomainError('SLOT_NOT_FOUND', `No slot ${slot_id}.`);
    if (context.earlier) return this.present(replayed(context.earlier, patient, slot), now);
    const stored = sittingsIn(context.sittings, sittingWindow(slot, now, this.policy));
    const times = resolveSittingDate(slot, date, now, this.policy, stored);
    let committed: CommittedBooking;
    try {
      committed = await this.uow.commitBooking(
        {
          sitting: newSittingOf(slot, times),
          patientId: patient.id,
          bookedBy: actor.userId,
          at: now,
          idempotencyKey: key,
        },
        bookingEvents,
        now,
      );
    } catch (error) {
      // A concurrent request with the same key won the race: answer with its booking.
      if (key !== null && isDomainError(error)) {
        const earlier = await this.earlierBooking(actor, key);
        if (earlier) return this.present(replayed(earlier, patient, slot), now);
      }
      throw error;
    }
    await this.publisher.published(committed.events);
    // The booking counted who waits ahead: its answer needs no second read (booking is the
    // hot path: that read halved the bookings per second).
    const live = bookedLiveTiming(committed.details, now);
    return live
      ? toAppointmentView(committed.details, live)
      : presentAppointment(this.uow.read, committed.details, now);
  }

  /** The view of a booking, with its live part at `now`. */
  private present(details: AppointmentDetails, now: Date): Promise<AppointmentView> {
    return presentAppointment(this.uow.read, details, now);
  }

  /** The booking the actor made earlier with `key`, with its details. */
  private async earlierBooking(actor: Actor, key: string): Promise<AppointmentDetails | undefined> {
    const read = this.uow.read.appointments;
    const earlier = await read.findByIdempotencyKey(actor.userId, key);
    return earlier && read.details(earlier.id);
  }
}

/** What a booking tells the rest of the system: a new appointment, and its sitting changed. */
function bookingEvents({ appointment }: AppointmentDetails): readonly DomainEvent[] {
  const sitting = {
    id: appointment.sittingId,
    slotId: appointment.slotId,
    doctorId: appointment.doctorId,
  };
  return [appointmentBooked(appointment), sittingChanged(sitting)];
}

/** The booking a repeated idempotency key answers; a key reused for another booking is refused. */
function replayed(earlier: AppointmentDetails, patient: Patient, slot: Slot): AppointmentDetails {
  if (earlier.appointment.patientId !== patient.id || earlier.appointment.slotId !== slot.id) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for another booking.',
    );
  }
  return earlier;
}
