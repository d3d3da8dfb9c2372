import type { NewRating, Rating } from './rating.js';
import type { AppointmentId } from '../shared/primitives.js';

/** Ratings of doctors, at most one per appointment. @category Ports */
export interface RatingRepository {
  /** @throws DomainError `ALREADY_RATED` when the appointment has a rating. */
  create(rating: NewRating): Promise<Rating>;
  findByAppointment(appointmentId: AppointmentId): Promise<Rating | undefined>;
}
