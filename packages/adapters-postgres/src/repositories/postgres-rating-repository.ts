import type { AppointmentId, NewRating, Rating, RatingRepository } from '@doctorly/core';
import type { SqlExecutor } from '../sql/sql-client.js';
import { ratingColumns } from './columns.js';

/**
 * {@link RatingRepository} on PostgreSQL: one rating per appointment by a unique key (a
 * second one is `ALREADY_RATED`); a trigger adds it to the doctor's rating sum and count.
 * @category Adapters
 */
export class PostgresRatingRepository implements RatingRepository {
  constructor(private readonly db: SqlExecutor) {}

  async create(rating: NewRating): Promise<Rating> {
    const [row] = await this.db.query<Rating>(
      `INSERT INTO ratings AS r (doctor_id, patient_id, appointment_id, stars, review, rated_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ratingColumns('r')}`,
      [
        rating.doctorId,
        rating.patientId,
        rating.appointmentId,
        rating.stars,
        rating.review,
        rating.ratedBy,
        rating.createdAt,
      ],
    );
    return row!;
  }

  async findByAppointment(appointmentId: AppointmentId): Promise<Rating | undefined> {
    const [row] = await this.db.query<Rating>(
      `SELECT ${ratingColumns('r')} FROM ratings r WHERE r.appointment_id = $1`,
      [appointmentId],
    );
    return row;
  }
}
