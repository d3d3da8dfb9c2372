import type { BookingLimits } from '../booking/booking-limits.js';

/**
 * Whether a user who owns `owned` patients may register one more (`TOO_MANY_PATIENTS`
 * otherwise, `maxPatientsPerUser` of {@link BookingLimits}). The store counts them under a
 * per-user lock held to the end of the registration's transaction, so concurrent
 * registrations of one user cannot pass the limit together.
 * @category Booking
 */
export function mayRegisterAnotherPatient(
  owned: number,
  limits: Pick<BookingLimits, 'maxPatientsPerUser'>,
): boolean {
  return owned < limits.maxPatientsPerUser;
}
