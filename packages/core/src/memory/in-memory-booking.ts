import { DomainError } from '../shared/domain-error.js';
import type { Appointment, AppointmentDetails } from '../booking/appointment.js';
import type { BookingContext, BookingContextQuery, BookingRequest, SittingBookingRequest } from '../booking/appointment-repository.js';
import { copy, nextId, type InMemoryState } from './in-memory-state.js';
import { ensureSittingIn, sittingsOfSlotIn } from './in-memory-sitting-repository.js';

/** The booking rules, checked and applied in one synchronous step. */
export function bookIn(s: InMemoryState, request: BookingRequest): Appointment {
  const sitting = s.sittings.get(request.sittingId);
  if (!sitting) throw new DomainError('SITTING_NOT_FOUND', 'No such sitting.');
  if (sitting.status === 'cancelled') throw new DomainError('SITTING_CANCELLED', 'The sitting is cancelled.');
  if (sitting.status === 'completed') throw new DomainError('SITTING_CLOSED', 'The sitting is closed.');
  const all = [...s.appointments.values()];
  if (request.idempotencyKey !== null
    && all.some((a) => a.bookedBy === request.bookedBy && a.idempotencyKey === request.idempotencyKey)) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'The idempotency key was used for another booking.');
  }
  const active = all.filter((a) => a.sittingId === sitting.id && a.status !== 'cancelled');
  if (active.some((a) => a.patientId === request.patientId)) {
    throw new DomainError('ALREADY_BOOKED', 'The patient already has a place in this sitting.');
  }
  const taken = new Set(active.map((a) => a.queueNumber));
  let queueNumber = 1;
  while (taken.has(queueNumber)) queueNumber += 1;
  if (active.length >= sitting.places || queueNumber > sitting.places) {
    throw new DomainError('SITTING_FULL', 'The sitting is full.');
  }
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
  };
  s.appointments.set(appointment.id, appointment);
  s.sittings.set(sitting.id, { ...sitting, booked: active.length + 1 });
  s.history.push({ appointmentId: appointment.id, status: 'booked', actorId: request.bookedBy, at: appointment.bookedAt, reason: null });
  return appointment;
}

/**
 * Ensure-sitting and book in one synchronous step. A refusal leaves no new sitting behind
 * because every write here runs on a transaction's draft, dropped when it throws.
 */
export function ensureSittingAndBookIn(s: InMemoryState, request: SittingBookingRequest): AppointmentDetails {
  const { sitting, ...booking } = request;
  const appointment = bookIn(s, { ...booking, sittingId: ensureSittingIn(s, sitting).id });
  return detailsOf(s, appointment);
}

/** What the booking use case reads, from one state. */
export function bookingContextIn(s: InMemoryState, query: BookingContextQuery): BookingContext {
  const { earlier: asked } = query;
  const earlier = asked && [...s.appointments.values()].find((a) => a.bookedBy === asked.bookedBy && a.idempotencyKey === asked.key);
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
    durationMinutes: sitting.durationMinutes,
    patientName: patient?.name ?? '',
    patientOwnerId: patient?.ownerId ?? appointment.bookedBy,
    doctorName: doctorUser?.name ?? '',
    doctorUserId: doctorUser?.id ?? 0,
  });
}
