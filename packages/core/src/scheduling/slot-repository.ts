import type { NewSlot, Slot } from './slot.js';
import type { DoctorId, SlotId } from '../shared/primitives.js';

/** The reads of {@link SlotRepository}: what `UnitOfWork.read` offers. @category Ports */
export interface SlotReader {
  findById(id: SlotId): Promise<Slot | undefined>;
  /** A doctor's slots, by weekday then start. */
  listByDoctor(doctorId: DoctorId): Promise<readonly Slot[]>;
  /** Slots after `afterId` by ascending id, at most `limit` (for the worker). */
  listAfter(afterId: SlotId, limit: number): Promise<readonly Slot[]>;
}

/** Doctors' weekly slots; overlaps are refused by the store. @category Ports */
export interface SlotRepository extends SlotReader {
  /** @throws DomainError `SLOT_OVERLAP` when it overlaps another slot of the doctor on its weekday. */
  create(slot: NewSlot): Promise<Slot>;
}
