import type { DoctorId, LocalDate, UserId } from '../shared/primitives.js';

/** Database identity of a doctor's leave. @category Models */
export type LeaveId = number;

/**
 * A doctor's leave over the local dates `from`…`to` (both included): every sitting of the
 * doctor's slots dated in the range that had not started when it was taken is stored
 * cancelled and belongs to it (`sittings.leave_id`), also the dates the worker had not
 * created yet, so the worker never creates them. Re-opening it (`reopenedAt`) puts its
 * sittings that have not started back to `scheduled`; the appointments it cancelled stay
 * cancelled (their patients were told).
 * @category Models
 */
export interface Leave {
  readonly id: LeaveId;
  readonly doctorId: DoctorId;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Told to the patients whose appointments it cancelled (their history's reason). */
  readonly reason: string;
  readonly createdBy: UserId;
  readonly createdAt: Date;
  /** When it was re-opened; `null` while it is active. */
  readonly reopenedAt: Date | null;
  /** Sittings it cancelled or recorded cancelled (slots added during it included). */
  readonly cancelledSittings: number;
  /** Booked and checked-in appointments it cancelled. */
  readonly cancelledAppointments: number;
}

/** What a repository needs to create a {@link Leave}. @category Models */
export type NewLeave = Omit<
  Leave,
  'id' | 'reopenedAt' | 'cancelledSittings' | 'cancelledAppointments'
>;

/** Bounds of a leave, checked by the input schema and (the range) by the database. @category Models */
export const leaveLimits = {
  /** Dates in `[from, to]`, both ends counted. */
  maxDays: 366,
  maxReasonLength: 500,
} as const;

/** Whether `leave` is active and covers the local date `date`. @category Models */
export function leaveCovers(leave: Leave, date: LocalDate): boolean {
  return leave.reopenedAt === null && leave.from <= date && date <= leave.to;
}
