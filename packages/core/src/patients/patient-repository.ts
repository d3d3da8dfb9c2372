import type { NewPatient, Patient } from './patient.js';
import type { Page, PageRequest, PatientId, UserId } from '../shared/primitives.js';

/** The reads of {@link PatientRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface PatientReader {
  findById(id: PatientId): Promise<Patient | undefined>;
  /** A user's patients by ascending id. */
  listByOwner(ownerId: UserId, page: PageRequest): Promise<Page<Patient>>;
}

/** Patients, each owned by the user who registered them. @category Ports */
export interface PatientRepository extends PatientReader {
  create(patient: NewPatient): Promise<Patient>;
  /**
   * How many patients `ownerId` owns, counted under a per-user lock held until the
   * transaction ends: a second registration of the same user waits for the first to commit,
   * so `MAX_PATIENTS_PER_USER` cannot be passed by concurrent requests.
   */
  lockAndCountOwned(ownerId: UserId): Promise<number>;
}
