import type { LocalTime } from '../shared/primitives.js';
import type { Slot } from './slot.js';

const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes in a day: a slot must end by this local minute (24:00). @category Scheduling */
export const minutesPerDay = 1440;

/** Minutes after local midnight of an `HH:mm` time. @category Scheduling */
export function minutesOfDay(time: LocalTime): number {
  const match = localTimePattern.exec(time);
  if (!match) throw new RangeError(`not a local time (HH:mm): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:mm` of a minute of the day; 1440 is written `24:00` (a slot ending at midnight). @category Scheduling */
export function formatMinutesOfDay(minutes: number): LocalTime {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > minutesPerDay) {
    throw new RangeError(`not a minute of the day: ${minutes}`);
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** The local minute a slot ends at: start + duration × places (may exceed 1440 for invalid slots). @category Scheduling */
export function slotEndMinutes(slot: Pick<Slot, 'start' | 'durationMinutes' | 'places'>): number {
  return minutesOfDay(slot.start) + slot.durationMinutes * slot.places;
}

/**
 * The local `HH:mm` a slot ends at (`24:00` when it ends at midnight). Throws a RangeError
 * for a slot that crosses midnight: check {@link slotEndsByMidnight} first.
 * @category Scheduling
 */
export function slotEnd(slot: Pick<Slot, 'start' | 'durationMinutes' | 'places'>): LocalTime {
  return formatMinutesOfDay(slotEndMinutes(slot));
}

/**
 * Whether a slot starting at `start` ends by local midnight. Slots may not cross midnight:
 * a sitting belongs to one local date, so overlap checks and "today" stay simple.
 * @category Scheduling
 */
export function slotEndsByMidnight(
  start: LocalTime,
  durationMinutes: number,
  places: number,
): boolean {
  return minutesOfDay(start) + durationMinutes * places <= minutesPerDay;
}
