import type { NewSitting, Sitting, SittingStatus } from './sitting.js';
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
  /** `scheduled` or `in_progress` sittings that ended at or before `now`, oldest first, at most `limit`. */
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
  /**
   * Sets the status (`cancelled` or `completed`) of a sitting whose status is one of `from`,
   * bumping its `version`; `false` (and nothing changed) if its status was another.
   */
  setStatus(
    id: SittingId,
    status: 'cancelled' | 'completed',
    from: readonly SittingStatus[],
  ): Promise<boolean>;
  /**
   * Starts a `scheduled` sitting: `in_progress`, `startedAt = at`, `version` bumped; `false`
   * (and nothing changed) if it was not scheduled.
   */
  start(id: SittingId, at: Date): Promise<boolean>;
  /**
   * Locks the stored sittings of `ids` until the transaction ends and returns them, in the
   * one order every writer that locks several sittings follows: by slot id, then date (the
   * order of the booking group commit, `book_appointments_on_dates`). A second writer locking
   * an overlapping set therefore waits instead of deadlocking. Unknown ids are skipped.
   * Each sitting's own writers (booking, status changes) lock it again, which its holder may.
   */
  lock(ids: readonly SittingId[]): Promise<readonly Sitting[]>;
}
