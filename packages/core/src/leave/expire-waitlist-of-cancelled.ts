import type { DomainEvent } from '../shared/domain-event.js';
import type { Repositories } from '../shared/unit-of-work.js';
import type { SittingId } from '../shared/primitives.js';

/**
 * The waitlist entries of a sitting a leave cancelled expire (nobody can be promoted into a
 * cancelled sitting). THE ONE CALL SITE for the waitlist's `expireWaitlist(repositories,
 * sittingId, now)` (issue 18, item 1): until the waitlist lands it has nothing to expire.
 */
export function expireWaitlistOfCancelled(
  _repositories: Repositories,
  _sittingId: SittingId,
  _now: Date,
): Promise<readonly DomainEvent[]> {
  return Promise.resolve([]);
}
