import type { LocalDate } from '../shared/primitives.js';

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A doctor's experience: whole years from the earliest qualification date to `now`'s UTC
 * date; 0 with no qualification or one dated in the future. A year is complete on its
 * anniversary, and the anniversary of 29 February is 28 February in common years (as
 * luxon's `diff` counts, which this plain arithmetic replaced: every doctor of every search
 * page goes through here).
 * @category Booking
 */
export function experienceYears(earliest: LocalDate | undefined, now: Date): number {
  if (earliest === undefined) return 0;
  const match = localDatePattern.exec(earliest);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a local date (YYYY-MM-DD): ${earliest}`);
  }
  const toYear = now.getUTCFullYear();
  const toMonth = now.getUTCMonth() + 1;
  const anniversary = Math.min(day, daysInMonth(toYear, month));
  const reached = toMonth > month || (toMonth === month && now.getUTCDate() >= anniversary);
  // Negative when `now` comes before `earliest`.
  return Math.max(0, toYear - year - (reached ? 0 : 1));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
