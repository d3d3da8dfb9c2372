import type { AppointmentStatus } from './appointment.js';

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
export function mayClaimAnother(
  claims: number,
  limits: Pick<BookingLimits, 'maxActiveAppointmentsPerUser'>,
): boolean {
  return claims < limits.maxActiveAppointmentsPerUser;
}

/**
 * The statuses of an appointment that count as a claim of its booker: those still to be
 * served (`completed` and `no_show` keep their place in the sitting but claim nothing more).
 * PostgreSQL counts the same ones in `lock_user_claims` (appointments_booked_by_active_idx).
 * @category Booking
 */
export const claimingAppointmentStatuses: readonly AppointmentStatus[] = [
  'booked',
  'checked_in',
  'in_consultation',
];

/** Whether an appointment in `status` counts as a claim of its booker. @category Booking */
export function isClaim(status: AppointmentStatus): boolean {
  return claimingAppointmentStatuses.includes(status);
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
