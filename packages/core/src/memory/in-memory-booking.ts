import { bookingRefused, decideBooking } from '../booking/decide-booking.js';
import type { Appointment, AppointmentDetails } from '../booking/appointment.js';
import type {
  BookingContext,
  BookingContextQuery,
  BookingRequest,
  SittingBookingRequest,
} from '../booking/appointment-repository.js';
import { isClaim } from '../booking/booking-limits.js';
import type { SittingId, UserId } from '../shared/primitives.js';
import { copy, nextId, type InMemoryState } from './in-memory-state.js';
import { ensureSittingIn, sittingsOfSlotIn } from './in-memory-sitting-repository.js';

/** A sitting's active (not cancelled) appointments, which hold its places (not copied). */
export function activeIn(s: InMemoryState, sittingId: SittingId): Appointment[] {
  return [...s.appointments.values()].filter(
    (a) => a.sittingId === sittingId && a.status !== 'cancelled',
  );
}

/** The booking decision ({@link decideBooking}) applied to the state in one synchronous step. */
export function bookIn(s: InMemoryState, request: BookingRequest): Appointment {
  const stored = s.sittings.get(request.sittingId);
  const decision = decideBooking(stored && { ...stored, active: activeIn(s, request.sittingId) }, {
    patientId: request.patientId,
    idempotencyKeyUsedElsewhere:
      request.idempotencyKey !== null &&
      [...s.appointments.values()].some(
        (a) => a.bookedBy === request.bookedBy && a.idempotencyKey === request.idempotencyKey,
      ),
    // Counted only when a limit applies, as 040 takes the user lock only then.
    claims: request.claimLimit == null ? 0 : claimsIn(s, request.bookedBy),
    claimLimit: request.claimLimit ?? null,
  });
  if (decision.outcome === 'refused') throw bookingRefused(decision.refusal);
  const {
    queueNumber,
    sitting: { active: held, ...sitting },
  } = decision;
  const appointment: Appointment = {
    id: nextId(s, 'appointment'),
    sittingId: sitting.id,
    slotId: sitting.slotId,
    doctorId: sitting.doctorId,
    patientId: request.patientId,
    queueNumber,
    status: 'booked',
    bookedBy: request.bookedBy,
    bookedAt: new Date(request.at.getTime()),
    idempotencyKey: request.idempotencyKey,
    calledAt: null,
    completedAt: null,
    rescheduledTo: null,
  };
  s.appointments.set(appointment.id, appointment);
  s.sittings.set(sitting.id, { ...sitting, booked: held.length + 1, version: sitting.version + 1 });
  s.history.push({
    appointmentId: appointment.id,
    status: 'booked',
    actorId: request.bookedBy,
    at: appointment.bookedAt,
    reason: null,
  });
  return appointment;
}

/**
 * A user's claims, as `lock_user_claims` (PostgreSQL, repeatable 039) counts them: their
 * active appointments (booked, checked in, in consultation; all their patients) and their
 * waiting waitlist entries. One count for the booking and the waitlist's join.
 */
export function claimsIn(s: InMemoryState, userId: UserId): number {
  let claims = 0;
  for (const a of s.appointments.values()) if (a.bookedBy === userId && isClaim(a.status)) claims++;
  for (const e of s.waitlist.values())
    if (e.joinedBy === userId && e.status === 'waiting') claims++;
  return claims;
}

/**
 * Ensure-sitting and book in one synchronous step. A refusal leaves no new sitting behind
 * because every write here runs on a transaction's draft, dropped when it throws.
 */
export function ensureSittingAndBookIn(
  s: InMemoryState,
  request: SittingBookingRequest,
): AppointmentDetails {
  const { sitting, ...booking } = request;
  const appointment = bookIn(s, { ...booking, sittingId: ensureSittingIn(s, sitting).id });
  return detailsOf(s, appointment);
}

/** What the booking use case reads, from one state. */
export function bookingContextIn(s: InMemoryState, query: BookingContextQuery): BookingContext {
  const { earlier: asked } = query;
  const earlier =
    asked &&
    [...s.appointments.values()].find(
      (a) => a.bookedBy === asked.bookedBy && a.idempotencyKey === asked.key,
    );
  const slot = s.slots.get(query.slotId);
  return copy({
    patient: s.patients.get(query.patientId),
    slot,
    sittings: slot ? sittingsOfSlotIn(s, slot.id, query.from, query.to) : [],
    earlier: earlier ? detailsOf(s, earlier) : undefined,
  });
}

/** An appointment with its sitting, patient and doctor facts. */
export function detailsOf(s: InMemoryState, appointment: Appointment): AppointmentDetails {
  const sitting = s.sittings.get(appointment.sittingId)!;
  const patient = s.patients.get(appointment.patientId);
  const doctor = s.doctors.get(appointment.doctorId);
  const doctorUser = doctor && s.users.get(doctor.userId);
  return copy({
    appointment,
    date: sitting.date,
    sittingStartsAt: sitting.startsAt,
    sittingStatus: sitting.status,
    sittingStartedAt: sitting.startedAt,
    durationMinutes: sitting.durationMinutes,
    patientName: patient?.name ?? '',
    patientOwnerId: patient?.ownerId ?? appointment.bookedBy,
    doctorName: doctorUser?.name ?? '',
    doctorUserId: doctorUser?.id ?? 0,
  });
}
