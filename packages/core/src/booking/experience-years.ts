import { DateTime } from 'luxon';
import type { LocalDate } from '../models/primitives.js';

/**
 * A doctor's experience: whole years from the earliest qualification date to `now`'s UTC
 * date; 0 with no qualification or one dated in the future.
 * @category Booking
 */
export function experienceYears(earliest: LocalDate | undefined, now: Date): number {
  if (earliest === undefined) return 0;
  const from = DateTime.fromISO(earliest, { zone: 'utc' });
  if (!from.isValid) throw new RangeError(`not a local date (YYYY-MM-DD): ${earliest}`);
  const today = DateTime.fromMillis(now.getTime(), { zone: 'utc' }).startOf('day');
  if (today < from) return 0;
  return Math.floor(today.diff(from, 'years').years);
}
