import type { DomainEvent } from '../shared/domain-event.js';
import type { SittingId } from '../shared/primitives.js';
import type { Repositories } from '../shared/unit-of-work.js';
import type { WaitlistEntry } from './waitlist-entry.js';
import { promotionEvents } from './waitlist-events.js';

/**
 * Hands the places of a sitting that a write just freed to its waitlist, first come first
 * served ({@link decidePromotions}), and returns the events to commit with it. The ONE call
 * every place-freeing write (a cancellation by patient or doctor, a reschedule away) makes,
 * inside its own transaction, after freeing the place: so a freed place is never seen empty
 * while someone waits, and two writes can never promote for the same place (the sitting's
 * row lock serializes them). On a sitting that has started or is not scheduled, the waiting
 * entries expire instead.
 * @category Waitlist
 */
export async function promoteFreedPlaces(
  repositories: Repositories,
  sittingId: SittingId,
  now: Date,
): Promise<DomainEvent[]> {
  const { promoted } = await repositories.waitlist.promote(sittingId, now);
  return promotionEvents(promoted);
}

/**
 * Expires every waiting entry of a sitting that starts, closes or is cancelled (leave too),
 * inside the caller's transaction; returns the expired entries.
 * @category Waitlist
 */
export function expireWaitlist(
  repositories: Repositories,
  sittingId: SittingId,
  now: Date,
): Promise<readonly WaitlistEntry[]> {
  return repositories.waitlist.expire(sittingId, now);
}
