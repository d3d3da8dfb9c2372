import type { DomainEvent } from '../events/domain-event.js';
import type { AppointmentRepository } from './appointment-repository.js';
import type { CatalogRepository } from './catalog-repository.js';
import type { DoctorRepository } from './doctor-repository.js';
import type { PatientRepository } from './patient-repository.js';
import type { RatingRepository } from './rating-repository.js';
import type { SittingRepository } from './sitting-repository.js';
import type { SlotRepository } from './slot-repository.js';
import type { UserRepository } from './user-repository.js';

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

/**
 * The door to the source of truth. Writes go through `transaction` (all or nothing, outbox
 * included); plain reads may use `read`, outside any transaction.
 * @category Ports
 */
export interface UnitOfWork {
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  readonly read: Repositories;
}
/** Injection token of {@link UnitOfWork}. @category Ports */
export const UnitOfWork = Symbol.for('doctorly.UnitOfWork');
