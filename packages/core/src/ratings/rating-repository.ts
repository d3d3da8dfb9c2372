import type { NewRating, Rating } from './rating.js';
import type { AppointmentId } from '../shared/primitives.js';

/** The reads of {@link RatingRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface RatingReader {
  findByAppointment(appointmentId: AppointmentId): Promise<Rating | undefined>;
}

/** Ratings of doctors, at most one per appointment. @category Ports */
export interface RatingRepository extends RatingReader {
  /** @throws DomainError `ALREADY_RATED` when the appointment has a rating. */
  create(rating: NewRating): Promise<Rating>;
}
