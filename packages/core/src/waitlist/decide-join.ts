import { DomainError } from '../shared/domain-error.js';
import type { PatientId } from '../shared/primitives.js';
import type { SittingStatus } from '../scheduling/sitting.js';
import { mayClaimAnother, type BookingLimits } from '../booking/booking-limits.js';

/** A sitting's waitlist holds at most this many waiting entries per place (DESIGN.md). @category Waitlist */
export const waitingPerPlace = 3;

/** What the join decision knows of a sitting, read under its lock. @category Waitlist */
export interface SittingWaitlistState {
  readonly status: SittingStatus;
  readonly startsAt: Date;
  readonly places: number;
  /** Its active (not cancelled) appointments. */
  readonly active: readonly { readonly patientId: PatientId; readonly queueNumber: number }[];
  /** Its waiting entries, first first. */
  readonly waiting: readonly { readonly patientId: PatientId }[];
}

/** Who asks to wait, and how much the asking user already claims. @category Waitlist */
export interface JoinAsk {
  readonly patientId: PatientId;
  /** The user's claims: active appointments and waiting entries of all their patients. */
  readonly claims: number;
  readonly limits: BookingLimits;
  readonly now: Date;
}

/** Why joining a waitlist is refused, in the order {@link decideJoin} checks. @category Waitlist */
export const joinRefusals = {
  SITTING_NOT_FOUND: 'The sitting does not exist.',
  SITTING_CANCELLED: 'The sitting is cancelled.',
  SITTING_CLOSED: 'The sitting has started or is over.',
  PLACES_AVAILABLE: 'The sitting has a free place: book it instead.',
  ALREADY_BOOKED: 'The patient already holds a place in this sitting.',
  ALREADY_WAITING: 'The patient already waits for this sitting.',
  WAITLIST_FULL: 'The waitlist of this sitting is full.',
  TOO_MANY_APPOINTMENTS: 'The account holds as many appointments and waiting entries as allowed.',
} as const;

/** A join refusal's code. @category Waitlist */
export type JoinRefusal = keyof typeof joinRefusals;

/**
 * Whether a patient may join a sitting's waitlist: only a `scheduled` sitting
 * that has not started, is full (or already has a queue: a free place with nobody waiting
 * is for booking), does not hold the patient already (booked or waiting), whose queue is
 * shorter than {@link waitingPerPlace} × places, for a user under the claims limit
 * ({@link mayClaimAnother}). Refusals in the order of {@link joinRefusals}; `undefined` allows.
 *
 * The in-memory store applies it as it is; PostgreSQL mirrors it in `join_waitlist`
 * (adapters-postgres `migrations/repeatable/044_join_waitlist.sql`), under the user's claims
 * lock and the sitting's row lock; the waitlist contract suite runs both.
 * @category Waitlist
 */
export function decideJoin(
  sitting: SittingWaitlistState | undefined,
  ask: JoinAsk,
): JoinRefusal | undefined {
  if (!sitting) return 'SITTING_NOT_FOUND';
  if (sitting.status === 'cancelled') return 'SITTING_CANCELLED';
  if (sitting.status !== 'scheduled' || ask.now.getTime() >= sitting.startsAt.getTime())
    return 'SITTING_CLOSED';
  if (sitting.active.length < sitting.places && sitting.waiting.length === 0)
    return 'PLACES_AVAILABLE';
  if (sitting.active.some((a) => a.patientId === ask.patientId)) return 'ALREADY_BOOKED';
  if (sitting.waiting.some((w) => w.patientId === ask.patientId)) return 'ALREADY_WAITING';
  if (sitting.waiting.length >= waitingPerPlace * sitting.places) return 'WAITLIST_FULL';
  if (!mayClaimAnother(ask.claims, ask.limits)) return 'TOO_MANY_APPOINTMENTS';
  return undefined;
}

/** The domain error of a join refusal, the same message on every store. @category Waitlist */
export function joinRefused(refusal: JoinRefusal): DomainError {
  return new DomainError(refusal, joinRefusals[refusal]);
}
