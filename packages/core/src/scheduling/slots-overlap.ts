import type { Slot } from './slot.js';
import { minutesOfDay, slotEndMinutes } from './local-time.js';

/**
 * Whether two weekly slots collide: same weekday and their local `[start, end)` minute
 * ranges intersect. One ending exactly when the other starts does not collide. Slots never
 * cross midnight, so comparing minutes of one day is enough.
 * @category Scheduling
 */
export function slotsOverlap(
  a: Pick<Slot, 'day' | 'start' | 'durationMinutes' | 'places'>,
  b: Pick<Slot, 'day' | 'start' | 'durationMinutes' | 'places'>,
): boolean {
  if (a.day !== b.day) return false;
  return minutesOfDay(a.start) < slotEndMinutes(b) && minutesOfDay(b.start) < slotEndMinutes(a);
}
