/**
 * The booking policy's limits (DESIGN.md "Waitlist, reschedule, booking policy, leave"):
 * how late a patient may still change an appointment, and how much one account may hold.
 * The limits on counts are enforced by the store inside the transaction that would exceed
 * them (PostgreSQL: `lock_user_claims`, migrations/repeatable/039_lock_user_claims.sql, under a
 * per-user transaction lock), so concurrent requests of one user cannot pass them together.
 * @category Booking
 */
export interface BookingLimits {
  /** A patient may not cancel or reschedule later than this before the planned time (`TOO_LATE_TO_CHANGE`). */
  readonly cancelNoticeMinutes: number;
  /** A user's claims (active appointments and waiting entries, all their patients) at most (`TOO_MANY_APPOINTMENTS`). */
  readonly maxActiveAppointmentsPerUser: number;
  /** Patients one user may register (`TOO_MANY_PATIENTS`). */
  readonly maxPatientsPerUser: number;
}

/** The defaults of DESIGN.md. @category Booking */
export const defaultBookingLimits: BookingLimits = {
  cancelNoticeMinutes: 0,
  maxActiveAppointmentsPerUser: 20,
  maxPatientsPerUser: 10,
};

/**
 * Whether a user holding `claims` (active appointments — booked, checked in, in consultation —
 * plus waiting entries) may take one more. A waiting entry counts as a claim when it joins, so
 * its promotion later never takes the user over the limit and needs no check of its own.
 * @category Booking
 */
export function mayClaimAnother(claims: number, limits: BookingLimits): boolean {
  return claims < limits.maxActiveAppointmentsPerUser;
}

/**
 * Whether a patient's change (cancel, reschedule) of an appointment planned at `plannedAt`
 * comes too late at `now`: later than `cancelNoticeMinutes` before it. A doctor's change is
 * never too late (the doctor decides their own day).
 * @category Booking
 */
export function isTooLateToChange(plannedAt: Date, now: Date, limits: BookingLimits): boolean {
  return now.getTime() > plannedAt.getTime() - limits.cancelNoticeMinutes * 60_000;
}
