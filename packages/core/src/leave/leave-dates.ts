import type { Sitting } from '../scheduling/sitting.js';
import type { SittingTimes } from '../scheduling/booking-policy.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate, SittingId } from '../shared/primitives.js';
import { addDays, epochDayOf } from '../scheduling/local-date.js';
import { isSlotDate, sittingTimes } from '../scheduling/sitting-times.js';
import { leaveCovers, type Leave, type LeaveId } from './leave.js';

/** One sitting a leave must hold cancelled: a slot, and the times of its sitting on a date. @category Leave */
export interface LeaveDate {
  readonly slot: Slot;
  readonly times: SittingTimes;
}

/** A range of local dates, both ends included. @category Leave */
export interface LeaveRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** How many local dates `[from, to]` holds (0 when `to < from`). @category Leave */
export function daysIn(range: LeaveRange): number {
  return Math.max(0, epochDayOf(range.to) - epochDayOf(range.from) + 1);
}

/**
 * The sittings a leave over `range` takes: for each of `slots`, each date of the range on
 * the slot's weekday (a date local to the slot's zone) whose sitting has not started at
 * `now`, by slot then date. Past and started dates are skipped, not refused: a leave taken
 * mid-week covers what is left of it, and a sitting in progress is the doctor's to finish.
 * @category Leave
 */
export function leaveDates(slots: readonly Slot[], range: LeaveRange, now: Date): LeaveDate[] {
  const dates: LeaveDate[] = [];
  const days = daysIn(range);
  for (const slot of slots) {
    for (let i = 0; i < days; i++) {
      const date = addDays(range.from, i);
      if (!isSlotDate(slot, date)) continue;
      const times = sittingTimes(slot, date);
      if (now.getTime() < times.startsAt.getTime()) dates.push({ slot, times });
    }
  }
  return dates;
}

/** What re-opening a leave does to its sittings. @category Leave */
export interface ReopenPlan {
  /** Back to `scheduled`, no leave. */
  readonly reopen: readonly SittingId[];
  /** Kept cancelled, handed to another active leave that covers their date. */
  readonly handOver: ReadonlyMap<LeaveId, readonly SittingId[]>;
}

/**
 * Re-opening `leave`: each of its sittings that has not started at `now` is re-opened,
 * unless another active leave of the doctor (`others`) covers its date: then it stays
 * cancelled and goes to the first such leave (lowest id), so re-opening one of two
 * overlapping leaves never re-opens a date the other still holds. Started and past sittings
 * stay with `leave`, cancelled.
 * @category Leave
 */
export function planReopen(
  leave: Pick<Leave, 'id'>,
  sittings: readonly Pick<Sitting, 'id' | 'date' | 'startsAt'>[],
  others: readonly Leave[],
  now: Date,
): ReopenPlan {
  const covering = others.filter((o) => o.id !== leave.id).sort((a, b) => a.id - b.id);
  const reopen: SittingId[] = [];
  const handOver = new Map<LeaveId, SittingId[]>();
  for (const sitting of sittings) {
    if (sitting.startsAt.getTime() <= now.getTime()) continue;
    const heir = covering.find((o) => leaveCovers(o, sitting.date));
    if (heir === undefined) reopen.push(sitting.id);
    else handOver.set(heir.id, [...(handOver.get(heir.id) ?? []), sitting.id]);
  }
  return { reopen, handOver };
}
