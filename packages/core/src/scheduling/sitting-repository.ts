import type { NewSitting, Sitting } from './sitting.js';
import type { LocalDate, SittingId, SlotId } from '../shared/primitives.js';

/** The reads of {@link SittingRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface SittingReader {
  findById(id: SittingId): Promise<Sitting | undefined>;
  findBySlotAndDate(slotId: SlotId, date: LocalDate): Promise<Sitting | undefined>;
  /** Sittings of a slot with `from <= date <= to`, by date. */
  listBySlot(slotId: SlotId, from: LocalDate, to: LocalDate): Promise<readonly Sitting[]>;
  /**
   * Sittings of any of `slotIds` with `from <= date <= to`, by slot id then date: one read
   * for a whole batch of slots (the worker's materialize pass). Unknown ids match nothing.
   */
  listBySlots(
    slotIds: readonly SlotId[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<readonly Sitting[]>;
  /** `scheduled` sittings that ended at or before `now`, oldest first, at most `limit`. */
  listEnded(now: Date, limit: number): Promise<readonly Sitting[]>;
}

/** Sittings: the dated occurrences of slots, created on demand. @category Ports */
export interface SittingRepository extends SittingReader {
  /**
   * The sitting of `sitting.slotId` on `sitting.date`, created `scheduled` with nothing booked
   * if it does not exist. Idempotent, also under concurrent calls: each (slot, date) once.
   */
  ensure(sitting: NewSitting): Promise<Sitting>;
  /**
   * Creates, `scheduled` with nothing booked, those of `sittings` whose (slot, date) does not
   * exist yet, in one round trip; returns only the ones this call created, by slot then date.
   * Idempotent like {@link SittingRepository.ensure}, also under concurrent calls.
   */
  createMissing(sittings: readonly NewSitting[]): Promise<readonly Sitting[]>;
  /** Sets the status (`cancelled` or `completed`) of a `scheduled` sitting; `false` if it was not scheduled. */
  setStatus(id: SittingId, status: 'cancelled' | 'completed'): Promise<boolean>;
}
