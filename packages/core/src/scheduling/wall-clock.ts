import { DateTime, IANAZone } from 'luxon';
import type { LocalDate, TimeZone } from '../shared/primitives.js';
import { epochDayOf, toLocalDate } from './local-date.js';

const msPerMinute = 60_000;
const msPerDay = 86_400_000;
// Days since 1970-01-01 of 0000-01-01 and 9999-12-31: the years toLocalDate writes as luxon does.
const firstPlainDay = -719_528;
const lastPlainDay = 2_932_896;
// The worker computes the same few (zone, date, minute) instants for tens of thousands of
// slots per tick; each costs several Intl look-ups. The answer depends only on the key (and
// the tz database of the process), so it is remembered; the bound keeps memory flat.
const maxRemembered = 20_000;

const zones = new Map<TimeZone, IANAZone>();
const instants = new Map<string, number>();
const lastLocalDates = new Map<TimeZone, { readonly ms: number; readonly date: LocalDate }>();

/** The luxon zone of an IANA name; throws a RangeError for an unknown name. */
function ianaZone(name: TimeZone): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`unknown IANA time zone: ${name}`);
    zones.set(name, zone);
  }
  return zone;
}

/** UTC offset in minutes of `zone` at epoch milliseconds `ms`. */
function offsetAt(zone: IANAZone, ms: number): number {
  return zone.offset(ms);
}

/** {@link zonedInstant} without the memory, in epoch milliseconds. */
function computeZonedInstant(date: LocalDate, minuteOfDay: number, zone: TimeZone): number {
  const iana = ianaZone(zone);
  // The wall time read as if it were UTC; the real instant is this minus the offset.
  const wall = epochDayOf(date) * msPerDay + minuteOfDay * msPerMinute;
  // Offsets in force a day either side. UTC offsets stay within ±14 h, so every candidate
  // instant lies between these samples, and tz transitions are never a day apart.
  const before = offsetAt(iana, wall - msPerDay);
  const candidates = new Set([before, offsetAt(iana, wall), offsetAt(iana, wall + msPerDay)]);
  let earliest: number | undefined;
  for (const offset of candidates) {
    const instant = wall - offset * msPerMinute;
    if (offsetAt(iana, instant) === offset && (earliest === undefined || instant < earliest)) {
      earliest = instant;
    }
  }
  // No offset makes the wall time real: it is in a gap, read it with the offset before.
  return earliest ?? wall - before * msPerMinute;
}

/**
 * The instant at which the wall clock in `zone` reads `minuteOfDay` on `date`, following
 * RFC 5545 §3.3.5: a wall time inside a DST gap is read with the offset in force before the
 * gap (so it lands later by the gap), and a wall time that occurs twice means its first
 * occurrence. luxon alone would pick the later occurrence, so the offset is chosen here.
 * @category Scheduling
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, zone: TimeZone): Date {
  const key = `${zone} ${date} ${minuteOfDay}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = computeZonedInstant(date, minuteOfDay, zone); // throws before anything is remembered
    if (instants.size >= maxRemembered) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** {@link localDateOf} without the memory. */
function computeLocalDateOf(ms: number, zone: TimeZone): LocalDate {
  const iana = ianaZone(zone);
  // The wall clock read as UTC, as luxon itself does; luxon is kept for the odd years it
  // writes differently (before 0000, after 9999) and for instants that are not numbers.
  const epochDay = Math.floor((ms + offsetAt(iana, ms) * msPerMinute) / msPerDay);
  if (epochDay >= firstPlainDay && epochDay <= lastPlainDay) return toLocalDate(epochDay);
  const date = DateTime.fromMillis(ms, { zone: iana }).toISODate();
  if (date === null) throw new RangeError(`cannot read ${new Date(ms).toISOString()} in ${zone}`);
  return date;
}

/** The calendar date of `instant` on the wall clocks of `zone`. @category Scheduling */
export function localDateOf(instant: Date, zone: TimeZone): LocalDate {
  const ms = instant.getTime();
  // One pass of the worker asks for the same `now` in each zone again and again.
  const last = lastLocalDates.get(zone);
  if (last?.ms === ms) return last.date;
  if (Number.isNaN(ms)) throw new RangeError(`cannot read an invalid date in ${zone}`);
  const date = computeLocalDateOf(ms, zone);
  if (lastLocalDates.size >= maxRemembered) lastLocalDates.clear();
  lastLocalDates.set(zone, { ms, date });
  return date;
}

/** Whether `zone` is an IANA time zone name this runtime knows. @category Scheduling */
export function isKnownTimeZone(zone: TimeZone): boolean {
  return IANAZone.isValidZone(zone);
}
