import { DomainError } from '../shared/domain-error.js';
import type { NewRating, Rating } from '../ratings/rating.js';
import type { AppointmentId } from '../shared/primitives.js';
import type { RatingRepository } from '../ratings/rating-repository.js';
import { copy, nextId, type StateAccess } from './in-memory-state.js';

/** {@link RatingRepository} over the in-memory state. @category Testing */
export class InMemoryRatingRepository implements RatingRepository {
  constructor(private readonly state: StateAccess) {}

  create(rating: NewRating): Promise<Rating> {
    const s = this.state();
    if ([...s.ratings.values()].some((r) => r.appointmentId === rating.appointmentId)) {
      return Promise.reject(new DomainError('ALREADY_RATED', 'The appointment is already rated.'));
    }
    const created: Rating = { ...copy(rating), id: nextId(s, 'rating') };
    s.ratings.set(created.id, created);
    return Promise.resolve(copy(created));
  }

  findByAppointment(appointmentId: AppointmentId): Promise<Rating | undefined> {
    return Promise.resolve(
      copy([...this.state().ratings.values()].find((r) => r.appointmentId === appointmentId)),
    );
  }
}
