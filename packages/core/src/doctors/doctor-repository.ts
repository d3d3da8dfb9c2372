import type { Doctor, DoctorQualification, DoctorSnapshot } from './doctor.js';
import type {
  DoctorId,
  Page,
  PageRequest,
  SpecializationId,
  UserId,
} from '../shared/primitives.js';

/** Ranking input of the popular doctors: rating sum and count, patients served. @category Ports */
export interface DoctorRatingStats {
  readonly doctorId: DoctorId;
  readonly ratingSum: number;
  readonly ratingCount: number;
  readonly patientCount: number;
}

/** The reads of {@link DoctorRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface DoctorReader {
  findById(id: DoctorId): Promise<Doctor | undefined>;
  findByUserId(userId: UserId): Promise<Doctor | undefined>;
  /** Everything needed to present one doctor, or `undefined`. */
  snapshot(id: DoctorId): Promise<DoctorSnapshot | undefined>;
  /** Snapshots of the given doctors, in the order of `ids`; unknown ids are left out. */
  snapshots(ids: readonly DoctorId[]): Promise<readonly DoctorSnapshot[]>;
  /** Doctors by ascending id. */
  list(page: PageRequest): Promise<Page<DoctorSnapshot>>;
  /** Doctor ids after `afterId`, ascending, at most `limit` (for batch jobs). */
  idsAfter(afterId: DoctorId, limit: number): Promise<readonly DoctorId[]>;
  /** Global mean rating and count of all ratings (the prior of the popularity ranking). */
  ratingTotals(): Promise<{ sum: number; count: number }>;
  /**
   * Doctors ranked by the Bayesian average `(priorWeight·priorMean + sum) / (priorWeight + count)`,
   * ties by patients served then id; doctors without ratings rank at the prior mean.
   */
  popular(priorMean: number, priorWeight: number, page: PageRequest): Promise<Page<DoctorSnapshot>>;
}

/** Doctor profiles, their specializations and qualifications, and the doctor lists. @category Ports */
export interface DoctorRepository extends DoctorReader {
  /** @throws DomainError `ALREADY_A_DOCTOR` when the user has a profile. */
  create(doctor: Omit<Doctor, 'id'>): Promise<Doctor>;
  update(id: DoctorId, changes: { description?: string; image?: string | null }): Promise<void>;
  /** Adds specializations; ones the doctor has are ignored. */
  addSpecializations(id: DoctorId, specializationIds: readonly SpecializationId[]): Promise<void>;
  /** Adds qualifications; the same (qualification, date, institute) again is ignored. */
  addQualifications(id: DoctorId, qualifications: readonly DoctorQualification[]): Promise<void>;
}
