import type { Appointment } from '../booking/appointment.js';
import type { BookingLimits } from '../booking/booking-limits.js';
import type { NewSitting } from '../scheduling/sitting.js';
import type { PatientId, SittingId, UserId } from '../shared/primitives.js';
import type { WaitlistEntry, WaitlistEntryDetails, WaitlistEntryId } from './waitlist-entry.js';

/** What joining a sitting's waitlist needs: the sitting is created if missing. @category Ports */
export interface JoinWaitlistRequest {
  readonly sitting: NewSitting;
  readonly patientId: PatientId;
  readonly joinedBy: UserId;
  readonly at: Date;
  /** The claims limit of `joinedBy` (`maxActiveAppointmentsPerUser`). */
  readonly limits: BookingLimits;
}

/** One promotion: the entry, now `promoted`, and the appointment it got. @category Ports */
export interface Promotion {
  readonly entry: WaitlistEntry;
  readonly appointment: Appointment;
}

/** What {@link WaitlistRepository.promote} did. @category Ports */
export interface PromotionOutcome {
  readonly promoted: readonly Promotion[];
  readonly expired: readonly WaitlistEntry[];
}

/** The reads of {@link WaitlistRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface WaitlistReader {
  /** One entry with its sitting, names and position (unknown id: `undefined`). */
  details(id: WaitlistEntryId): Promise<WaitlistEntryDetails | undefined>;
  /**
   * The entries `userId` joined that wait, and those that ended at or after `endedSince`,
   * newest first (at most 100).
   */
  listByJoiner(userId: UserId, endedSince: Date): Promise<readonly WaitlistEntryDetails[]>;
  /** A sitting's waiting entries, first first. */
  waiting(sittingId: SittingId): Promise<readonly WaitlistEntry[]>;
}

/**
 * Waitlists: joining under the per-user claims limit, leaving, and promotion and expiry
 * under the sitting's lock. The store keeps `sittings.waiting` equal to the number of
 * waiting entries (and `booked` to the active appointments).
 * @category Ports
 */
export interface WaitlistRepository extends WaitlistReader {
  /**
   * Puts the patient at the end of the queue of `request.sitting` (created `scheduled` if
   * missing) as {@link decideJoin} decides, atomically: the user's claims are counted under
   * the user's lock first, then the sitting is locked, so neither the limit nor `3 × places`
   * can be passed by concurrent joins.
   * @throws DomainError the refusals of {@link joinRefusals} (never `SITTING_NOT_FOUND`).
   */
  join(request: JoinWaitlistRequest): Promise<WaitlistEntryDetails>;
  /** A waiting entry becomes `left` (`undefined` when it does not wait). */
  leave(id: WaitlistEntryId, at: Date): Promise<WaitlistEntry | undefined>;
  /**
   * Under the sitting's lock, applies {@link decidePromotions}: each promoted entry gets an
   * appointment (status `booked`, its queue number, booked by `joinedBy` at `at`, history
   * actor `null` with {@link promotionReason}); entries the decision expires become `expired`.
   */
  promote(sittingId: SittingId, at: Date): Promise<PromotionOutcome>;
  /** Every waiting entry of the sitting becomes `expired` at `at`; returns them. */
  expire(sittingId: SittingId, at: Date): Promise<readonly WaitlistEntry[]>;
}
