import type { PatientId } from '../shared/primitives.js';
import type { SittingStatus } from '../scheduling/sitting.js';
import type { WaitlistEntryId } from './waitlist-entry.js';

/** What the promotion decision knows of a sitting, read under its lock. @category Waitlist */
export interface SittingPromotionState {
  readonly status: SittingStatus;
  readonly startsAt: Date;
  readonly places: number;
  /** Its active (not cancelled) appointments. */
  readonly active: readonly { readonly patientId: PatientId; readonly queueNumber: number }[];
}

/** A waiting entry as the decision sees it. @category Waitlist */
export interface WaitingEntry {
  readonly id: WaitlistEntryId;
  readonly patientId: PatientId;
}

/** What {@link decidePromotions} decided: who gets which queue number, who expires. @category Waitlist */
export interface PromotionDecision {
  readonly promote: readonly { readonly entryId: WaitlistEntryId; readonly queueNumber: number }[];
  readonly expire: readonly WaitlistEntryId[];
}

/**
 * Who of a sitting's waiting entries gets a freed place: the earliest entries (by id, the
 * order of joining) get the lowest free queue numbers, one each, as long as numbers are free;
 * so never more promotions than free places, and no free place left while someone waits.
 * A sitting that is not `scheduled` or has started (`now >= startsAt`) promotes nobody: all
 * its entries expire. An entry whose patient already holds a place in the sitting expires
 * (it cannot get a second one).
 *
 * The in-memory store applies it as it is; PostgreSQL mirrors it in `promote_waitlist`
 * (adapters-postgres `migrations/repeatable/045_promote_waitlist.sql`) under the sitting's
 * row lock; the waitlist contract suite runs both.
 * @category Waitlist
 */
export function decidePromotions(
  sitting: SittingPromotionState,
  waiting: readonly WaitingEntry[],
  now: Date,
): PromotionDecision {
  const queue = [...waiting].sort((a, b) => a.id - b.id);
  if (sitting.status !== 'scheduled' || now.getTime() >= sitting.startsAt.getTime())
    return { promote: [], expire: queue.map((e) => e.id) };
  const taken = new Set(sitting.active.map((a) => a.queueNumber));
  const placed = new Set(sitting.active.map((a) => a.patientId));
  const free: number[] = [];
  for (let n = 1; n <= sitting.places; n++) if (!taken.has(n)) free.push(n);
  const promote: { entryId: WaitlistEntryId; queueNumber: number }[] = [];
  const expire: WaitlistEntryId[] = [];
  for (const entry of queue) {
    if (placed.has(entry.patientId)) {
      expire.push(entry.id);
      continue;
    }
    const queueNumber = free.shift();
    if (queueNumber === undefined) break;
    promote.push({ entryId: entry.id, queueNumber });
    placed.add(entry.patientId);
  }
  return { promote, expire };
}
