import type { Specialization } from '../catalog/catalog.js';
import type { DoctorId, LocalDate, QualificationId, UserId } from '../shared/primitives.js';
import type { Slot } from '../scheduling/slot.js';
import type { User } from '../identity/user.js';

/** A doctor's profile, attached to one user. @category Models */
export interface Doctor {
  readonly id: DoctorId;
  readonly userId: UserId;
  readonly description: string;
  /** Public path of the profile picture, or `null`. */
  readonly image: string | null;
  readonly createdAt: Date;
}

/** A qualification a doctor holds. @category Models */
export interface DoctorQualification {
  readonly qualificationId: QualificationId;
  readonly name: string;
  readonly procurementDate: LocalDate;
  readonly institute: string;
}

/**
 * Everything needed to present a doctor, as loaded by a repository in one go. The derived
 * figures (experience, rating) are computed from it by core, not by the adapters.
 * @category Models
 */
export interface DoctorSnapshot {
  readonly doctor: Doctor;
  readonly user: Omit<User, 'passwordHash'>;
  readonly specializations: readonly Pick<Specialization, 'id' | 'name'>[];
  readonly qualifications: readonly DoctorQualification[];
  readonly slots: readonly Slot[];
  /** Sum and count of the doctor's ratings. */
  readonly ratingSum: number;
  readonly ratingCount: number;
  /** Distinct patients with a non-cancelled appointment with the doctor. */
  readonly patientCount: number;
}
