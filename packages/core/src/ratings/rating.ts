import type { AppointmentId, DoctorId, PatientId, RatingId, UserId } from '../shared/primitives.js';

/** A patient's 1–5 star rating of a doctor, once per completed appointment. @category Models */
export interface Rating {
  readonly id: RatingId;
  readonly doctorId: DoctorId;
  readonly patientId: PatientId;
  readonly appointmentId: AppointmentId;
  readonly stars: 1 | 2 | 3 | 4 | 5;
  readonly review: string;
  readonly ratedBy: UserId;
  readonly createdAt: Date;
}

/** What a repository needs to create a {@link Rating}. @category Models */
export type NewRating = Omit<Rating, 'id'>;
