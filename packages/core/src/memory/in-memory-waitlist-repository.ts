import type { SittingId, UserId } from '../shared/primitives.js';
import type {
  JoinWaitlistRequest,
  PromotionOutcome,
  WaitlistRepository,
} from '../waitlist/waitlist-repository.js';
import type {
  WaitlistEntry,
  WaitlistEntryDetails,
  WaitlistEntryId,
} from '../waitlist/waitlist-entry.js';
import { copy, type InMemoryState, type StateAccess } from './in-memory-state.js';
import { endEntryIn, joinIn, promoteIn, waitingIn } from './in-memory-waitlist.js';

/**
 * {@link WaitlistRepository} over the in-memory state. Each method runs without an `await`
 * inside, so it is atomic on its own; transactions are serialised by the unit of work.
 * @category Testing
 */
export class InMemoryWaitlistRepository implements WaitlistRepository {
  constructor(private readonly state: StateAccess) {}

  // async: a refusal thrown by `joinIn` becomes a rejection; there is no await inside.
  // eslint-disable-next-line @typescript-eslint/require-await
  async join(request: JoinWaitlistRequest): Promise<WaitlistEntryDetails> {
    const s = this.state();
    return entryDetails(s, joinIn(s, request));
  }

  leave(id: WaitlistEntryId, at: Date): Promise<WaitlistEntry | undefined> {
    const s = this.state();
    const entry = s.waitlist.get(id);
    if (entry?.status !== 'waiting') return Promise.resolve(undefined);
    return Promise.resolve(copy(endEntryIn(s, entry, 'left', at)));
  }

  promote(sittingId: SittingId, at: Date): Promise<PromotionOutcome> {
    return Promise.resolve(copy(promoteIn(this.state(), sittingId, at)));
  }

  expire(sittingId: SittingId, at: Date): Promise<readonly WaitlistEntry[]> {
    const s = this.state();
    const expired = waitingIn(s, sittingId).map((e) => endEntryIn(s, e, 'expired', at));
    return Promise.resolve(copy(expired));
  }

  details(id: WaitlistEntryId): Promise<WaitlistEntryDetails | undefined> {
    const s = this.state();
    const entry = s.waitlist.get(id);
    return Promise.resolve(entry && entryDetails(s, entry));
  }

  listByJoiner(userId: UserId, endedSince: Date): Promise<readonly WaitlistEntryDetails[]> {
    const s = this.state();
    const mine = [...s.waitlist.values()]
      .filter(
        (e) =>
          e.joinedBy === userId &&
          (e.endedAt === null || e.endedAt.getTime() >= endedSince.getTime()),
      )
      .sort((a, b) => b.id - a.id)
      .slice(0, 100)
      .map((e) => entryDetails(s, e));
    return Promise.resolve(mine);
  }

  waiting(sittingId: SittingId): Promise<readonly WaitlistEntry[]> {
    return Promise.resolve(copy(waitingIn(this.state(), sittingId)));
  }
}

/** An entry with its sitting, names and position (copied). */
function entryDetails(s: InMemoryState, entry: WaitlistEntry): WaitlistEntryDetails {
  const sitting = s.sittings.get(entry.sittingId)!;
  const doctor = s.doctors.get(entry.doctorId);
  const position =
    entry.status === 'waiting'
      ? waitingIn(s, entry.sittingId).findIndex((e) => e.id === entry.id) + 1
      : null;
  return copy({
    entry,
    sitting,
    position,
    patientName: s.patients.get(entry.patientId)?.name ?? '',
    doctorName: (doctor && s.users.get(doctor.userId)?.name) ?? '',
  });
}
