import type {
  Appointment, AppointmentDetails, AppointmentHistoryEntry, AppointmentId, AppointmentStatus,
  DoctorId, Page, PageRequest, Patient, PatientId, SittingId, UserId,
} from '../models/index.js';

/** What taking a place needs. @category Ports */
export interface BookingRequest {
  readonly sittingId: SittingId;
  readonly patientId: PatientId;
  readonly bookedBy: UserId;
  readonly at: Date;
  readonly idempotencyKey: string | null;
}

/** A status change, guarded by the statuses it may start from. @category Ports */
export interface StatusChange {
  readonly from: readonly AppointmentStatus[];
  readonly to: AppointmentStatus;
  readonly actorId: UserId | null;
  readonly at: Date;
  readonly reason: string | null;
}

/** Appointments: atomic booking, status changes with history, and the lists built on them. @category Ports */
export interface AppointmentRepository {
  /**
   * Takes the lowest free queue number of a `scheduled` sitting and records the appointment
   * (status `booked`, with its first history entry), atomically: the store, not the caller,
   * guarantees that a sitting never holds more active appointments than places and a
   * patient at most one active place per sitting, under any concurrency.
   * @throws DomainError `SITTING_FULL`, `ALREADY_BOOKED`, `SITTING_CANCELLED`, `SITTING_CLOSED`
   *   (completed) or `SITTING_NOT_FOUND`.
   */
  book(request: BookingRequest): Promise<Appointment>;
  findById(id: AppointmentId): Promise<Appointment | undefined>;
  findByIdempotencyKey(bookedBy: UserId, key: string): Promise<Appointment | undefined>;
  details(id: AppointmentId): Promise<AppointmentDetails | undefined>;
  /**
   * Moves an appointment to `change.to` if its status is one of `change.from` (else `undefined`),
   * records the history entry, and frees its place when it leaves the active statuses.
   */
  transition(id: AppointmentId, change: StatusChange): Promise<Appointment | undefined>;
  /** Applies `change` to every appointment of a sitting whose status is in `change.from`; returns them. */
  transitionAllInSitting(sittingId: SittingId, change: StatusChange): Promise<readonly Appointment[]>;
  history(id: AppointmentId): Promise<readonly AppointmentHistoryEntry[]>;
  /** Appointments booked by a user, newest sitting first. */
  listByBooker(userId: UserId, page: PageRequest): Promise<Page<AppointmentDetails>>;
  /** A sitting's appointments (all statuses) by queue number. */
  listBySitting(sittingId: SittingId): Promise<readonly AppointmentDetails[]>;
  /** Distinct patients with a non-cancelled appointment with the doctor, by name. */
  patientsOfDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Patient>>;
  /** Whether the patient holds a non-cancelled appointment with the doctor. */
  isPatientOfDoctor(patientId: PatientId, doctorId: DoctorId): Promise<boolean>;
}
