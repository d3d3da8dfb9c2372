import { DomainError } from '../shared/domain-error.js';
import type { NewSlot, Slot } from '../scheduling/slot.js';
import { isoWeekday, type DoctorId, type SlotId } from '../shared/primitives.js';
import type { SlotRepository } from '../scheduling/slot-repository.js';
import { copy, nextId, type StateAccess } from './in-memory-state.js';

/** {@link SlotRepository} over the in-memory state. @category Testing */
export class InMemorySlotRepository implements SlotRepository {
  constructor(private readonly state: StateAccess) {}

  create(slot: NewSlot): Promise<Slot> {
    const s = this.state();
    const clash = [...s.slots.values()].some(
      (other) => other.doctorId === slot.doctorId && overlaps(other, slot),
    );
    if (clash)
      return Promise.reject(
        new DomainError('SLOT_OVERLAP', 'The slot overlaps another slot of the doctor.'),
      );
    const created: Slot = { ...copy(slot), id: nextId(s, 'slot') };
    s.slots.set(created.id, created);
    return Promise.resolve(copy(created));
  }

  findById(id: SlotId): Promise<Slot | undefined> {
    return Promise.resolve(copy(this.state().slots.get(id)));
  }

  listByDoctor(doctorId: DoctorId): Promise<readonly Slot[]> {
    return Promise.resolve(
      copy(
        [...this.state().slots.values()].filter((x) => x.doctorId === doctorId).sort(compareSlots),
      ),
    );
  }

  listAfter(afterId: SlotId, limit: number): Promise<readonly Slot[]> {
    const after = [...this.state().slots.values()]
      .filter((x) => x.id > afterId)
      .sort((a, b) => a.id - b.id);
    return Promise.resolve(copy(after.slice(0, limit)));
  }
}

/** Minutes after midnight of a local `HH:mm`. */
function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Same weekday and the half-open intervals [start, start + duration × places) intersect. */
function overlaps(a: Omit<Slot, 'id'>, b: Omit<Slot, 'id'>): boolean {
  if (a.day !== b.day) return false;
  const aStart = minutesOf(a.start);
  const bStart = minutesOf(b.start);
  return (
    aStart < bStart + b.durationMinutes * b.places && bStart < aStart + a.durationMinutes * a.places
  );
}

/** Orders slots by weekday (Monday first), then start, then id. */
export function compareSlots(a: Slot, b: Slot): number {
  return (
    isoWeekday(a.day) - isoWeekday(b.day) || minutesOf(a.start) - minutesOf(b.start) || a.id - b.id
  );
}
