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
  | { readonly type: 'patient.changed'; readonly patientId: PatientId; readonly ownerId: UserId }
  | { readonly type: 'user.changed'; readonly userId: UserId }
  | { readonly type: 'catalog.changed' };

/** The `type` of a {@link DomainEvent}. @category Events */
export type DomainEventType = DomainEvent['type'];
