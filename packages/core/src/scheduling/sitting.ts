import type { DoctorId, LocalDate, SittingId, SlotId } from '../shared/primitives.js';

/** Every status of a sitting. @category Models */
export const sittingStatuses = ['scheduled', 'cancelled', 'completed'] as const;
/** The status of a sitting: `scheduled` until cancelled or, after it ends, completed. @category Models */
export type SittingStatus = (typeof sittingStatuses)[number];

/** One occurrence of a slot on a date; unique per slot and date. @category Models */
export interface Sitting {
  readonly id: SittingId;
  readonly slotId: SlotId;
  readonly doctorId: DoctorId;
  readonly date: LocalDate;
  /** The instant it starts, from the slot's local start on `date` (the DST rule applied). */
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: SittingStatus;
  /** Places held by active (non-cancelled) appointments; never more than `places`. */
  readonly booked: number;
  readonly places: number;
  readonly durationMinutes: number;
}

/** What a repository needs to materialize a {@link Sitting}. @category Models */
export type NewSitting = Omit<Sitting, 'id' | 'status' | 'booked'>;
