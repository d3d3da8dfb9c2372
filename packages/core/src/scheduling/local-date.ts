import type { LocalDate } from '../shared/primitives.js';

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO `YYYY-MM-DD` date. Plain integer arithmetic on dates keeps
 * the weekly searches cheap and free of zone effects.
 * @category Scheduling
 */
export function epochDayOf(date: LocalDate): number {
  const match = localDatePattern.exec(date);
  if (!match) throw new RangeError(`not a local date (YYYY-MM-DD): ${date}`);
  const [, y, m, d] = match;
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to the 1900s.
  utc.setUTCFullYear(Number(y), Number(m) - 1, Number(d));
  const day = utc.getTime() / msPerDay;
  if (toLocalDate(day) !== date) throw new RangeError(`no such date: ${date}`);
  return day;
}

/** The ISO `YYYY-MM-DD` date that is `epochDay` days after 1970-01-01. @category Scheduling */
export function toLocalDate(epochDay: number): LocalDate {
  const d = new Date(epochDay * msPerDay);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** `date` moved by `days` calendar days (negative moves back). @category Scheduling */
export function addDays(date: LocalDate, days: number): LocalDate {
  return toLocalDate(epochDayOf(date) + days);
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a local date. @category Scheduling */
export function isoWeekdayOf(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (ISO 4).
  const fromMonday = (((epochDayOf(date) + 3) % 7) + 7) % 7;
  return (fromMonday + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
