import type { ServiceToken } from './service-token.js';
import type { DomainEvent } from './domain-event.js';
import type { AppointmentDetails } from '../booking/appointment.js';
import type {
  AppointmentReader,
  AppointmentRepository,
  SittingBookingRequest,
} from '../booking/appointment-repository.js';
import type { CatalogReader, CatalogRepository } from '../catalog/catalog-repository.js';
import type { DoctorReader, DoctorRepository } from '../doctors/doctor-repository.js';
import type { PatientReader, PatientRepository } from '../patients/patient-repository.js';
import type { RatingReader, RatingRepository } from '../ratings/rating-repository.js';
import type { SittingReader, SittingRepository } from '../scheduling/sitting-repository.js';
import type { SlotReader, SlotRepository } from '../scheduling/slot-repository.js';
import type { UserReader, UserRepository } from '../identity/user-repository.js';
import type { WaitlistReader, WaitlistRepository } from '../waitlist/waitlist-repository.js';

/** Appends events to the transactional outbox. @category Ports */
export interface OutboxWriter {
  append(events: readonly DomainEvent[], now: Date): Promise<void>;
}

/**
 * The reads of every repository, outside any transaction: what {@link UnitOfWork.read}
 * offers. It has no write methods, so a write that skips `transaction` does not compile.
 * @category Ports
 */
export interface ReadRepositories {
  readonly users: UserReader;
  readonly doctors: DoctorReader;
  readonly catalog: CatalogReader;
  readonly patients: PatientReader;
  readonly slots: SlotReader;
  readonly sittings: SittingReader;
  readonly appointments: AppointmentReader;
  readonly ratings: RatingReader;
  readonly waitlist: WaitlistReader;
}

/** Every repository, reads and writes, bound to one transaction. @category Ports */
export interface Repositories extends ReadRepositories {
  readonly users: UserRepository;
  readonly doctors: DoctorRepository;
  readonly catalog: CatalogRepository;
  readonly patients: PatientRepository;
  readonly slots: SlotRepository;
  readonly sittings: SittingRepository;
  readonly appointments: AppointmentRepository;
  readonly ratings: RatingRepository;
  readonly waitlist: WaitlistRepository;
  readonly outbox: OutboxWriter;
}

/** A committed booking and the events it appended to the outbox. @category Ports */
export interface CommittedBooking {
  readonly details: AppointmentDetails;
  readonly events: readonly DomainEvent[];
}

/**
 * The door to the source of truth. Writes go through `transaction` (all or nothing, outbox
 * included) or `commitBooking`; plain reads may use `read`, outside any transaction, which
 * offers reads only.
 * @category Ports
 */
export interface UnitOfWork {
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /**
   * Commits one booking with the events it causes: the sitting ensured and a place taken as
   * {@link AppointmentRepository.ensureSittingAndBook} does, then `eventsOf(details)`
   * appended to the outbox; all or nothing, with the same refusals. That is what
   * `transaction` does with those two steps ({@link @doctorly/core!commitBookingInTransaction}), and a store
   * may do exactly that. A store may also commit concurrent bookings together, several in one
   * database transaction (group commit: the booking path's cost is mostly per transaction),
   * as long as each is booked or refused as if alone. `eventsOf` must be pure: a store may
   * call it again when it runs a booking again.
   */
  commitBooking(
    request: SittingBookingRequest,
    eventsOf: (details: AppointmentDetails) => readonly DomainEvent[],
    now: Date,
  ): Promise<CommittedBooking>;
  /** Reads of the committed state, outside any transaction. */
  readonly read: ReadRepositories;
}

/** Injection token of {@link UnitOfWork}. @category Ports */
export const UnitOfWork: ServiceToken<UnitOfWork> = Symbol.for('doctorly.UnitOfWork');
