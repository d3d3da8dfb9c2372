import type { DomainEvent } from '../shared/domain-event.js';
import type { Appointment } from './appointment.js';
import type { Sitting } from '../scheduling/sitting.js';

/**
 * The event of a changed appointment. Its owner is the booking user: only a patient's owner
 * can book for it, and the user's appointment list is keyed by the booker.
 */
export function appointmentChanged(appointment: Appointment): DomainEvent {
  return {
    type: 'appointment.changed',
    appointmentId: appointment.id,
    doctorId: appointment.doctorId,
    sittingId: appointment.sittingId,
    patientId: appointment.patientId,
    ownerId: appointment.bookedBy,
  };
}

/** The event of a new appointment (a booking or a promotion), with the fields of {@link appointmentChanged}. */
export function appointmentBooked(appointment: Appointment): DomainEvent {
  return {
    type: 'appointment.booked',
    appointmentId: appointment.id,
    doctorId: appointment.doctorId,
    sittingId: appointment.sittingId,
    patientId: appointment.patientId,
    ownerId: appointment.bookedBy,
  };
}

/** The event of a sitting whose status or places changed. */
export function sittingChanged(sitting: Pick<Sitting, 'id' | 'slotId' | 'doctorId'>): DomainEvent {
  return {
    type: 'sitting.changed',
    doctorId: sitting.doctorId,
    slotId: sitting.slotId,
    sittingId: sitting.id,
  };
}
