import type {
  Appointment,
  AppointmentDetails,
  AppointmentHistoryEntry,
  AppointmentStatus,
} from './appointment.js';
import type { Patient } from '../patients/patient.js';
import type { NewSitting, Sitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { LiveQueueAppointment } from './live-expected-time.js';
import type {
  AppointmentId,
  DoctorId,
  LocalDate,
  Page,
  PageRequest,
  PatientId,
  SittingId,
  SlotId,
  UserId,
} from '../shared/primitives.js';

/** What taking a place needs. @category Ports */
export interface BookingRequest {
  readonly sittingId: SittingId;
  readonly patientId: PatientId;
  readonly bookedBy: UserId;
  readonly at: Date;
  readonly idempotencyKey: string | null;
  /**
   * The most claims (active appointments and waiting entries) `bookedBy` may hold, checked
   * under the booker's lock in the same transaction (`TOO_MANY_APPOINTMENTS`): the use case
   * passes `MAX_ACTIVE_APPOINTMENTS_PER_USER`. Absent or `null`: no limit, and no per-user
   * lock (a reschedule's target booking, which gives up the old place in the same
   * transaction; internal callers).
   */
  readonly claimLimit?: number | null;
}

/** What taking a place in a slot's sitting on a date needs: the sitting is created if missing. @category Ports */
export interface SittingBookingRequest extends Omit<BookingRequest, 'sittingId'> {
  readonly sitting: NewSitting;
}

/** What {@link AppointmentReader.bookingContext} reads. @category Ports */
export interface BookingContextQuery {
  readonly patientId: PatientId;
  readonly slotId: SlotId;
  /** The slot's stored sittings with `from <= date <= to` are read. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The booking `bookedBy` made earlier with idempotency key `key`, if asked for. */
  readonly earlier: { readonly bookedBy: UserId; readonly key: string } | null;
}

/** Everything a booking decides on, read at once. @category Ports */
export interface BookingContext {
  readonly patient: Patient | undefined;
  readonly slot: Slot | undefined;
  /** The slot's stored sittings in the asked window, by date (none when the slot is unknown). */
  readonly sittings: readonly Sitting[];
  /** The earlier booking with the asked key (`undefined` when none, or none asked for). */
  readonly earlier: AppointmentDetails | undefined;
}

/** One appointment as the live queue reads it, with its id. @category Ports */
export interface LiveQueueEntry extends LiveQueueAppointment {
  readonly id: AppointmentId;
}

/** A sitting with what its live queue and public board need, read at once. @category Ports */
export interface LiveSittingState {
  readonly sitting: Sitting;
  readonly doctorName: string;
  /** Every appointment of the sitting (all statuses), by queue number then id. */
  readonly appointments: readonly LiveQueueEntry[];
}

/**
 * A status change, guarded by the statuses it may start from. Moving to `in_consultation`
 * records `calledAt = at`, moving to `completed` records `completedAt = at`.
 * @category Ports
 */
export interface StatusChange {
  readonly from: readonly AppointmentStatus[];
  readonly to: AppointmentStatus;
  readonly actorId: UserId | null;
  readonly at: Date;
  readonly reason: string | null;
}

/** The reads of {@link AppointmentRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface AppointmentReader {
  /**
   * The patient, the slot, the slot's stored sittings in a window and, if asked, an earlier
   * booking by idempotency key: what the booking use case reads before it decides, in one
   * read (one round trip to a database). Ownership is not checked here.
   */
  bookingContext(query: BookingContextQuery): Promise<BookingContext>;
  findById(id: AppointmentId): Promise<Appointment | undefined>;
  findByIdempotencyKey(bookedBy: UserId, key: string): Promise<Appointment | undefined>;
  details(id: AppointmentId): Promise<AppointmentDetails | undefined>;
  history(id: AppointmentId): Promise<readonly AppointmentHistoryEntry[]>;
  /** Appointments booked by a user, newest sitting first. */
  listByBooker(userId: UserId, page: PageRequest): Promise<Page<AppointmentDetails>>;
  /**
   * The live state of each of `sittingIds` that exists (unknown ids match nothing), in the
   * order of the ids: one read for a whole page of appointments (no read per sitting).
   */
  liveStates(sittingIds: readonly SittingId[]): Promise<readonly LiveSittingState[]>;
  /** A sitting's appointments (all statuses) by queue number. */
  listBySitting(sittingId: SittingId): Promise<readonly AppointmentDetails[]>;
  /** Distinct patients with a non-cancelled appointment with the doctor, by name. */
  patientsOfDoctor(doctorId: DoctorId, page: PageRequest): Promise<Page<Patient>>;
  /** Whether the patient holds a non-cancelled appointment with the doctor. */
  isPatientOfDoctor(patientId: PatientId, doctorId: DoctorId): Promise<boolean>;
}

/** Appointments: atomic booking, status changes with history, and the lists built on them. @category Ports */
export interface AppointmentRepository extends AppointmentReader {
  /**
   * Takes the lowest free queue number of a `scheduled` sitting and records the appointment
   * (status `booked`, with its first history entry; the sitting's `version` bumped), atomically: the store, not the caller,
   * guarantees that a sitting never holds more active appointments than places and a
   * patient at most one active place per sitting, under any concurrency.
   * @throws DomainError `SITTING_FULL`, `ALREADY_BOOKED`, `TOO_MANY_APPOINTMENTS`,
   *   `SITTING_CANCELLED`, `SITTING_CLOSED` (completed) or `SITTING_NOT_FOUND`.
   */
  book(request: BookingRequest): Promise<Appointment>;
  /**
   * The sitting of `request.sitting` (created `scheduled` if missing, as
   * `SittingRepository.ensure`), then a place in it as {@link AppointmentRepository.book},
   * answered with the appointment's {@link AppointmentReader.details}: the whole write of a
   * booking in one step, which a database does in one round trip.
   * @throws DomainError as {@link AppointmentRepository.book}, but never `SITTING_NOT_FOUND`.
   */
  ensureSittingAndBook(request: SittingBookingRequest): Promise<AppointmentDetails>;
  /**
   * Moves an appointment to `change.to` if its status is one of `change.from` (else `undefined`),
   * records the history entry (and `calledAt`/`completedAt`, see {@link StatusChange}), frees
   * its place when it leaves the active statuses, and bumps its sitting's `version`.
   */
  transition(id: AppointmentId, change: StatusChange): Promise<Appointment | undefined>;
  /**
   * Applies `change` to every appointment of a sitting whose status is in `change.from`, as
   * {@link AppointmentRepository.transition}; returns them.
   */
  transitionAllInSitting(
    sittingId: SittingId,
    change: StatusChange,
  ): Promise<readonly Appointment[]>;
  /**
   * Points a `cancelled` appointment at the one a reschedule moved it to (`rescheduledTo`),
   * in the reschedule's transaction, after its status change; returns it, or `undefined` (and
   * nothing changed) if it does not exist or is not cancelled.
   */
  setRescheduledTo(id: AppointmentId, to: AppointmentId): Promise<Appointment | undefined>;
}
