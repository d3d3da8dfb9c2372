import type { DomainEvent } from '../shared/domain-event.js';
import type { Repositories } from '../shared/unit-of-work.js';
import type { SittingId } from '../shared/primitives.js';
import { expireWaitlist } from '../waitlist/promote-freed-places.js';

/**
 * The waiting entries of a sitting a leave cancelled expire (nobody can be promoted into a
 * cancelled sitting), in the leave's transaction: the one call site of the waitlist's
 * {@link expireWaitlist} for leave. Expiry announces nothing, as when a sitting is cancelled
 * one by one.
 */
export async function expireWaitlistOfCancelled(
  repositories: Repositories,
  sittingId: SittingId,
  now: Date,
): Promise<readonly DomainEvent[]> {
  await expireWaitlist(repositories, sittingId, now);
  return [];
}
