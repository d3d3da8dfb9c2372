import type { NewSitting, Sitting, SittingStatus } from '../scheduling/sitting.js';
import { closableSittingStatuses } from '../scheduling/sitting-lifecycle.js';
import type { LocalDate, SittingId, SlotId } from '../shared/primitives.js';
import type { SittingRepository } from '../scheduling/sitting-repository.js';
import { copy, nextId, type InMemoryState, type StateAccess } from './in-memory-state.js';

/** The stored sitting of (slot, date), created `scheduled` with nothing booked if missing. */
export function ensureSittingIn(s: InMemoryState, sitting: NewSitting): Sitting {
  const existing = [...s.sittings.values()].find(
    (x) => x.slotId === sitting.slotId && x.date === sitting.date,
  );
  if (existing) return existing;
  const created: Sitting = {
    ...copy(sitting),
    id: nextId(s, 'sitting'),
    status: 'scheduled',
    booked: 0,
    startedAt: null,
    version: 0,
  };
  s.sittings.set(created.id, created);
  return created;
}

/** The slot's sittings with `from <= date <= to`, by date (not copied). */
export function sittingsOfSlotIn(
  s: InMemoryState,
  slotId: SlotId,
  from: LocalDate,
  to: LocalDate,
): Sitting[] {
  return [...s.sittings.values()]
    .filter((x) => x.slotId === slotId && from <= x.date && x.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** {@link SittingRepository} over the in-memory state. @category Testing */
export class InMemorySittingRepository implements SittingRepository {
  constructor(private readonly state: StateAccess) {}

  ensure(sitting: NewSitting): Promise<Sitting> {
    return Promise.resolve(copy(ensureSittingIn(this.state(), sitting)));
  }

  createMissing(sittings: readonly NewSitting[]): Promise<readonly Sitting[]> {
    const s = this.state();
    const created: Sitting[] = [];
    for (const sitting of sittings) {
      if (
        [...s.sittings.values()].some((x) => x.slotId === sitting.slotId && x.date === sitting.date)
      )
        continue;
      const stored: Sitting = {
        ...copy(sitting),
        id: nextId(s, 'sitting'),
        status: 'scheduled',
        booked: 0,
        startedAt: null,
        version: 0,
      };
      s.sittings.set(stored.id, stored);
      created.push(stored);
    }
    created.sort((a, b) => a.slotId - b.slotId || a.date.localeCompare(b.date));
    return Promise.resolve(copy(created));
  }

  findById(id: SittingId): Promise<Sitting | undefined> {
    return Promise.resolve(copy(this.state().sittings.get(id)));
  }

  findBySlotAndDate(slotId: SlotId, date: LocalDate): Promise<Sitting | undefined> {
    return Promise.resolve(
      copy([...this.state().sittings.values()].find((x) => x.slotId === slotId && x.date === date)),
    );
  }

  listBySlot(slotId: SlotId, from: LocalDate, to: LocalDate): Promise<readonly Sitting[]> {
    return Promise.resolve(copy(sittingsOfSlotIn(this.state(), slotId, from, to)));
  }

  listBySlots(
    slotIds: readonly SlotId[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<readonly Sitting[]> {
    const wanted = new Set(slotIds);
    const found = [...this.state().sittings.values()]
      .filter((x) => wanted.has(x.slotId) && from <= x.date && x.date <= to)
      .sort((a, b) => a.slotId - b.slotId || a.date.localeCompare(b.date));
    return Promise.resolve(copy(found));
  }

  setStatus(
    id: SittingId,
    status: 'cancelled' | 'completed',
    from: readonly SittingStatus[],
  ): Promise<boolean> {
    const sittings = this.state().sittings;
    const found = sittings.get(id);
    if (!found || !from.includes(found.status)) return Promise.resolve(false);
    sittings.set(id, { ...found, status, version: found.version + 1 });
    return Promise.resolve(true);
  }

  start(id: SittingId, at: Date): Promise<boolean> {
    const sittings = this.state().sittings;
    const found = sittings.get(id);
    if (found?.status !== 'scheduled') return Promise.resolve(false);
    const startedAt = new Date(at.getTime());
    sittings.set(id, { ...found, status: 'in_progress', startedAt, version: found.version + 1 });
    return Promise.resolve(true);
  }

  // Transactions are serialised by the unit of work: holding the state is the lock.
  lock(ids: readonly SittingId[]): Promise<readonly Sitting[]> {
    const sittings = this.state().sittings;
    const found = [...new Set(ids)]
      .map((id) => sittings.get(id))
      .filter((x) => x !== undefined)
      .sort((a, b) => a.slotId - b.slotId || a.date.localeCompare(b.date));
    return Promise.resolve(copy(found));
  }

  listEnded(now: Date, limit: number): Promise<readonly Sitting[]> {
    const ended = [...this.state().sittings.values()]
      .filter(
        (x) => closableSittingStatuses.includes(x.status) && x.endsAt.getTime() <= now.getTime(),
      )
      .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime() || a.id - b.id);
    return Promise.resolve(copy(ended.slice(0, limit)));
  }
}
