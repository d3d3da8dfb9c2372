import type { DoctorId, LocalDate, SittingId, SlotId } from '../shared/primitives.js';

/** Every status of a sitting. @category Models */
export const sittingStatuses = ['scheduled', 'in_progress', 'cancelled', 'completed'] as const;
/**
 * The status of a sitting: `scheduled`, then `in_progress` once its doctor starts it, then
 * `completed` after it ends; or `cancelled` before it starts (see {@link decideSittingStart}).
 * @category Models
 */
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
  /** When its doctor started it (`POST /doctors/sittings/{id}/start`, or the first call); `null` before. */
  readonly startedAt: Date | null;
  /**
   * Bumped by every write that changes the sitting or one of its appointments (booking,
   * cancelling, each status change, start, close): strictly increasing with every visible
   * change, so the public board and the live streams use it as their event id.
   */
  readonly version: number;
}

/** What a repository needs to materialize a {@link Sitting}. @category Models */
export type NewSitting = Omit<Sitting, 'id' | 'status' | 'booked' | 'startedAt' | 'version'>;
