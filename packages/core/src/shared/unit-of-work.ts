import type { ServiceToken } from './service-token.js';
import type { DomainEvent } from './domain-event.js';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { AppointmentRepository, SittingBookingRequest } from '../booking/appointment-repository.js';
import type { CatalogRepository } from '../catalog/catalog-repository.js';
import type { DoctorRepository } from '../doctors/doctor-repository.js';
import type { PatientRepository } from '../patients/patient-repository.js';
import type { RatingRepository } from '../ratings/rating-repository.js';
import type { SittingRepository } from '../scheduling/sitting-repository.js';
import type { SlotRepository } from '../scheduling/slot-repository.js';
import type { UserRepository } from '../identity/user-repository.js';

/** Appends events to the transactional outbox. @category Ports */
export interface OutboxWriter {
  append(events: readonly DomainEvent[], now: Date): Promise<void>;
}

/** Every repository, bound to one transaction or to none. @category Ports */
export interface Repositories {
  readonly users: UserRepository;
  readonly doctors: DoctorRepository;
  readonly catalog: CatalogRepository;
  readonly patients: PatientRepository;
  readonly slots: SlotRepository;
  readonly sittings: SittingRepository;
  readonly appointments: AppointmentRepository;
  readonly ratings: RatingRepository;
  readonly outbox: OutboxWriter;
}

/** A committed booking and the events it appended to the outbox. @category Ports */
export interface CommittedBooking {
  readonly details: AppointmentDetails;
  readonly events: readonly DomainEvent[];
}

/**
 * The door to the source of truth. Writes go through `transaction` (all or nothing, outbox
 * included); plain reads may use `read`, outside any transaction.
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
  readonly read: Repositories;
}

/** Injection token of {@link UnitOfWork}. @category Ports */
export const UnitOfWork: ServiceToken<UnitOfWork> = Symbol.for('doctorly.UnitOfWork');
