import type { LocalDate, NewSitting, Sitting, SittingId, SlotId } from '../models/index.js';

/** Sittings: the dated occurrences of slots, created on demand. @category Ports */
export interface SittingRepository {
  /**
   * The sitting of `sitting.slotId` on `sitting.date`, created `scheduled` with nothing booked
   * if it does not exist. Idempotent, also under concurrent calls: each (slot, date) once.
   */
  ensure(sitting: NewSitting): Promise<Sitting>;
  findById(id: SittingId): Promise<Sitting | undefined>;
  findBySlotAndDate(slotId: SlotId, date: LocalDate): Promise<Sitting | undefined>;
  /** Sittings of a slot with `from <= date <= to`, by date. */
  listBySlot(slotId: SlotId, from: LocalDate, to: LocalDate): Promise<readonly Sitting[]>;
  /** Sets the status (`cancelled` or `completed`) of a `scheduled` sitting; `false` if it was not scheduled. */
  setStatus(id: SittingId, status: 'cancelled' | 'completed'): Promise<boolean>;
  /** `scheduled` sittings that ended at or before `now`, oldest first, at most `limit`. */
  listEnded(now: Date, limit: number): Promise<readonly Sitting[]>;
}
