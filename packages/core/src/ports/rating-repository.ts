import type { AppointmentId, NewRating, Rating } from '../models/index.js';

/** Ratings of doctors, at most one per appointment. @category Ports */
export interface RatingRepository {
  /** @throws DomainError `ALREADY_RATED` when the appointment has a rating. */
  create(rating: NewRating): Promise<Rating>;
  findByAppointment(appointmentId: AppointmentId): Promise<Rating | undefined>;
}
