import type {
  AppointmentId,
  DoctorId,
  LocalDate,
  PatientId,
  SittingId,
  SlotId,
  UserId,
} from '../shared/primitives.js';
import type { SittingStatus } from '../scheduling/sitting.js';

/** Every status of an appointment; `booked` and `checked_in` hold a place. @category Models */
export const appointmentStatuses = [
  'booked',
  'cancelled',
  'checked_in',
  'in_consultation',
  'completed',
  'no_show',
] as const;
/** The status of an appointment (see {@link canTransition} for the allowed moves). @category Models */
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses that hold a place in the sitting: all but `cancelled`. @category Models */
export const activeAppointmentStatuses: readonly AppointmentStatus[] = [
  'booked',
  'checked_in',
  'in_consultation',
  'completed',
  'no_show',
];

/** A patient's place in a sitting. @category Models */
export interface Appointment {
  readonly id: AppointmentId;
  readonly sittingId: SittingId;
  readonly slotId: SlotId;
  readonly doctorId: DoctorId;
  readonly patientId: PatientId;
  /** 1 … the sitting's places; unique among the sitting's active appointments. */
  readonly queueNumber: number;
  readonly status: AppointmentStatus;
  readonly bookedBy: UserId;
  readonly bookedAt: Date;
  /** The client's `Idempotency-Key`, unique per booking user. */
  readonly idempotencyKey: string | null;
  /** When the doctor called the patient in (`in_consultation`); `null` before. */
  readonly calledAt: Date | null;
  /** When the appointment became `completed`; `null` otherwise. */
  readonly completedAt: Date | null;
  /** The appointment a reschedule moved this one to (this one is then `cancelled`); `null` otherwise. */
  readonly rescheduledTo: AppointmentId | null;
}

/** One status change of an appointment: what, who (`null`: the system), when. @category Models */
export interface AppointmentHistoryEntry {
  readonly appointmentId: AppointmentId;
  readonly status: AppointmentStatus;
  readonly actorId: UserId | null;
  readonly at: Date;
  readonly reason: string | null;
}

/** An appointment with the sitting, slot, patient and doctor facts needed to present it. @category Models */
export interface AppointmentDetails {
  readonly appointment: Appointment;
  readonly date: LocalDate;
  readonly sittingStartsAt: Date;
  readonly sittingStatus: SittingStatus;
  /** When the doctor started the sitting; `null` before. */
  readonly sittingStartedAt: Date | null;
  readonly durationMinutes: number;
  readonly patientName: string;
  readonly patientOwnerId: UserId;
  readonly doctorName: string;
  readonly doctorUserId: UserId;
  /**
   * Waiting appointments (booked, checked in) ahead of this one, when the store counted them
   * as it booked it (under the sitting's lock): the booking answer's live part then needs no
   * further read. Absent everywhere else.
   */
  readonly waitingAhead?: number;
}
