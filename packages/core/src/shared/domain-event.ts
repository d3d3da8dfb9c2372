import type {
  AppointmentId,
  DoctorId,
  PatientId,
  SittingId,
  SlotId,
  UserId,
} from './primitives.js';

/**
 * A change that the search index or the cache must learn about. Appended to the outbox in
 * the same transaction as the change itself, then applied at least once (idempotently).
 * @category Events
 */
export type DomainEvent =
  | { readonly type: 'doctor.changed'; readonly doctorId: DoctorId }
  | {
      readonly type: 'sitting.changed';
      readonly doctorId: DoctorId;
      readonly slotId: SlotId;
      readonly sittingId: SittingId;
    }
  | {
      readonly type: 'appointment.changed';
      readonly appointmentId: AppointmentId;
      readonly doctorId: DoctorId;
      readonly sittingId: SittingId;
      readonly patientId: PatientId;
      readonly ownerId: UserId;
    }
  | {
      /** A new appointment: a booking, or a promotion from the waitlist. */
      readonly type: 'appointment.booked';
      readonly appointmentId: AppointmentId;
      readonly doctorId: DoctorId;
      readonly sittingId: SittingId;
      readonly patientId: PatientId;
      readonly ownerId: UserId;
    }
  | {
      /** A waitlist entry got a freed place: `appointmentId` is its new appointment. */
      readonly type: 'waitlist.promoted';
      readonly entryId: number;
      readonly appointmentId: AppointmentId;
      readonly sittingId: SittingId;
      readonly doctorId: DoctorId;
      readonly patientId: PatientId;
      readonly ownerId: UserId;
    }
  | { readonly type: 'patient.changed'; readonly patientId: PatientId; readonly ownerId: UserId }
  | { readonly type: 'user.changed'; readonly userId: UserId }
  | { readonly type: 'catalog.changed' };

/** The `type` of a {@link DomainEvent}. @category Events */
export type DomainEventType = DomainEvent['type'];
