import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Rating } from './rating.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { RateDoctorInput } from '../booking/booking-schemas.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { appointmentFacts } from '../access/facts.js';

/** A rating as the API shows it. @category Views */
export interface RatingView {
  id: number;
  doctor_id: number;
  patient_id: number;
  appointment_id: number;
  stars: number;
  review: string;
  /** ISO 8601 instant. */
  created_at: string;
}

/**
 * Rates the doctor of a completed appointment, once per appointment. Only the user who owns
 * the patient may (`appointment.rate`); to anyone else the appointment does not exist. The doctor's rating
 * changes, so the doctor's public data and search document do too.
 * @category Use cases
 */
export class RateDoctor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof RateDoctorInput>): Promise<RatingView> {
    const { appointment_id, stars, review } = parseInput(RateDoctorInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const found = await read.appointments.details(appointment_id);
    const { appointment } = authorized(
      actor,
      'appointment.rate',
      found,
      appointmentFacts(appointment_id, found),
    );
    if (appointment.status !== 'completed') {
      throw new DomainError('NOT_RATEABLE', 'Only a completed appointment can be rated.');
    }
    if (await read.ratings.findByAppointment(appointment.id)) {
      throw new DomainError('ALREADY_RATED', 'This appointment has been rated.');
    }
    return commit(this.uow, this.publisher, now, async (repositories) => {
      // The store refuses a second rating of the appointment (ALREADY_RATED) under concurrency.
      const rating = await repositories.ratings.create({
        doctorId: appointment.doctorId,
        patientId: appointment.patientId,
        appointmentId: appointment.id,
        stars: stars as Rating['stars'],
        review,
        ratedBy: actor.userId,
        createdAt: now,
      });
      return {
        result: toRatingView(rating),
        events: [{ type: 'doctor.changed', doctorId: appointment.doctorId }],
      };
    });
  }
}

function toRatingView(rating: Rating): RatingView {
  return {
    id: rating.id,
    doctor_id: rating.doctorId,
    patient_id: rating.patientId,
    appointment_id: rating.appointmentId,
    stars: rating.stars,
    review: rating.review,
    created_at: rating.createdAt.toISOString(),
  };
}
