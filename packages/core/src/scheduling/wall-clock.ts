import { DateTime, IANAZone } from 'luxon';
import type { LocalDate, TimeZone } from '../models/primitives.js';
import { epochDayOf } from './local-date.js';

const msPerMinute = 60_000;
const msPerDay = 86_400_000;

const zones = new Map<TimeZone, IANAZone>();

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

/**
 * The instant at which the wall clock in `zone` reads `minuteOfDay` on `date`, following
 * RFC 5545 §3.3.5: a wall time inside a DST gap is read with the offset in force before the
 * gap (so it lands later by the gap), and a wall time that occurs twice means its first
 * occurrence. luxon alone would pick the later occurrence, so the offset is chosen here.
 * @category Scheduling
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, zone: TimeZone): Date {
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
  return new Date(earliest ?? wall - before * msPerMinute);
}

/** The calendar date of `instant` on the wall clocks of `zone`. @category Scheduling */
export function localDateOf(instant: Date, zone: TimeZone): LocalDate {
  const date = DateTime.fromMillis(instant.getTime(), { zone: ianaZone(zone) }).toISODate();
  if (date === null) throw new RangeError(`cannot read ${instant.toISOString()} in ${zone}`);
  return date;
}

/** Whether `zone` is an IANA time zone name this runtime knows. @category Scheduling */
export function isKnownTimeZone(zone: TimeZone): boolean {
  return IANAZone.isValidZone(zone);
}
