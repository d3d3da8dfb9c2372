// Slots whose sitting is "today" for the HTTP tests, which run on the system clock: a sitting
// that starts soon enough to be started (within two hours) and is still open for booking.
import { weekdays } from '@doctorly/core';

const msPerMinute = 60_000;

/** Weekdays a fixed number of days from now (UTC), so that fixed-time slots never meet "today". */
export function weekdayInDays(days: number, now = new Date()): string {
  const day = new Date(now.getTime() + days * 24 * 60 * msPerMinute).getUTCDay();
  return weekdays[(day + 6) % 7]!; // getUTCDay: 0 is Sunday; weekdays start on Monday
}

/**
 * A slot body (UTC, 1-minute places, at most 10) whose sitting starts `offsetMinutes` (60 to
 * 110) from `now`, so it can be booked now and started at once (two hours ahead at most).
 * One that would run past midnight starts `offsetMinutes − 60` after it instead, still within
 * two hours. Bodies with offsets 10 minutes apart never overlap.
 */
export function daySlotBody(
  offsetMinutes: number,
  places: number,
  now = new Date(),
): { day: string; start: string; num_slots: number; appointment_duration: number } {
  const wanted = Math.ceil((now.getTime() + offsetMinutes * msPerMinute) / msPerMinute);
  let start = new Date(wanted * msPerMinute);
  if (start.getUTCHours() * 60 + start.getUTCMinutes() + places > 24 * 60) {
    const midnight = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1);
    start = new Date(midnight + (offsetMinutes - 60) * msPerMinute);
  }
  const hh = String(start.getUTCHours()).padStart(2, '0');
  const mm = String(start.getUTCMinutes()).padStart(2, '0');
  return {
    day: weekdayInDays(0, start),
    start: `${hh}:${mm}`,
    num_slots: places,
    appointment_duration: 1,
  };
}
