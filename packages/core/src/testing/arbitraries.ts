import fc from 'fast-check';
import { IANAZone } from 'luxon';
import type { LocalDate, LocalTime, TimeZone, Weekday } from '../shared/primitives.js';
import { weekdays } from '../shared/primitives.js';
import type { Slot } from '../scheduling/slot.js';
import { slotLimits } from '../scheduling/slot.js';
import type { BookingPolicy } from '../scheduling/booking-policy.js';
import { addDays, epochDayOf, isoWeekdayOf, toLocalDate } from '../scheduling/local-date.js';
import { formatMinutesOfDay, minutesPerDay } from '../scheduling/local-time.js';
import { localDateOf } from '../scheduling/wall-clock.js';
import type { AppointmentStatus } from '../booking/appointment.js';
import type { LiveQueueAppointment, LiveQueueSitting } from '../booking/live-expected-time.js';

const msPerMinute = 60_000;
const msPerDay = 86_400_000;

/**
 * Zones that exercise the DST rule: one-hour DST both hemispheres, half-hour DST
 * (Lord_Howe), 45-minute offsets with DST (Chatham), a -3:30 zone with DST (St_Johns).
 * @category Testing
 */
export const dstTimeZones: readonly TimeZone[] = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Santiago',
  'Europe/Berlin',
  'Australia/Sydney',
];

/** Zones without DST, some with odd offsets (+5:45, +5). @category Testing */
export const fixedTimeZones: readonly TimeZone[] = [
  'UTC',
  'Asia/Kathmandu',
  'Asia/Karachi',
  'Asia/Kolkata',
];

/** Every zone the scheduling properties are run in. @category Testing */
export const testTimeZones: readonly TimeZone[] = [...dstTimeZones, ...fixedTimeZones];

/** First and last year of generated instants and dates. @category Testing */
export const testYears = { from: 2019, to: 2034 } as const;

/** An IANA zone from {@link testTimeZones}, DST zones first so shrinking keeps DST. @category Testing */
export const timeZoneArb: fc.Arbitrary<TimeZone> = fc.constantFrom(...testTimeZones);

/** @category Testing */
export const weekdayArb: fc.Arbitrary<Weekday> = fc.constantFrom(...weekdays);

const transitionCache = new Map<string, readonly number[]>();

/**
 * The instants (epoch ms) at which `zone` changes its UTC offset during `year`, each the
 * first millisecond of the new offset. Found by sampling weekly and bisecting.
 * @category Testing
 */
export function offsetTransitions(zone: TimeZone, year: number): readonly number[] {
  const key = `${zone}|${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const iana = IANAZone.create(zone);
  const transitions: number[] = [];
  const start = epochDayOf(`${year}-01-01`) * msPerDay - msPerDay;
  const end = epochDayOf(`${year + 1}-01-01`) * msPerDay;
  // Weekly samples, one offset lookup each (lookups go through Intl and are slow); the test
  // zones never change offset twice within a week.
  const step = 7 * msPerDay;
  let previous = iana.offset(start);
  for (let t = start; t < end; t += step) {
    const next = iana.offset(t + step);
    if (next === previous) continue;
    previous = next;
    let lo = t;
    let hi = t + step;
    const before = iana.offset(lo);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (iana.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    transitions.push(hi);
  }
  transitionCache.set(key, transitions);
  return transitions;
}

/** Instants uniformly across {@link testYears}. @category Testing */
export const uniformInstantArb: fc.Arbitrary<Date> = fc
  .integer({
    min: epochDayOf(`${testYears.from}-01-01`) * msPerDay,
    max: epochDayOf(`${testYears.to}-12-31`) * msPerDay,
  })
  .map((ms) => new Date(ms));

/**
 * Instants within three days of an offset change of `zone` (any DST zone when omitted),
 * at minute resolution and often exactly on the change, so DST days get real coverage.
 * @category Testing
 */
export function instantNearTransitionArb(zone?: TimeZone): fc.Arbitrary<Date> {
  return fc
    .record({
      zone: zone === undefined ? fc.constantFrom(...dstTimeZones) : fc.constant(zone),
      year: fc.integer({ min: testYears.from, max: testYears.to }),
      which: fc.nat(),
      shift: fc.oneof(
        fc.constantFrom(0, -1, 1, -30, 30, -60, 60),
        fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
      ),
    })
    .map(({ zone: z, year, which, shift }) => {
      const transitions = offsetTransitions(z, year);
      const base =
        transitions.length === 0
          ? epochDayOf(`${year}-03-15`) * msPerDay
          : transitions[which % transitions.length]!;
      return new Date(base + shift * msPerMinute);
    });
}

/** Instants: uniform over several years, or near a DST change of `zone`. @category Testing */
export function instantArb(zone?: TimeZone): fc.Arbitrary<Date> {
  return fc.oneof(uniformInstantArb, instantNearTransitionArb(zone));
}

/**
 * A zone, a local date and a start time within 90 minutes (wall clock) of one of that zone's
 * offset changes on that date: starts in DST gaps and ambiguous hours come up often.
 * @category Testing
 */
export const startNearTransitionArb: fc.Arbitrary<{
  timeZone: TimeZone;
  date: LocalDate;
  start: LocalTime;
}> = fc
  .record({
    timeZone: fc.constantFrom(...dstTimeZones),
    year: fc.integer({ min: testYears.from, max: testYears.to }),
    which: fc.nat(),
    shift: fc.oneof(
      fc.integer({ min: -6, max: 6 }).map((q) => q * 15),
      fc.integer({ min: -90, max: 90 }),
    ),
  })
  .map(({ timeZone, year, which, shift }) => {
    const transitions = offsetTransitions(timeZone, year);
    const at = transitions[which % transitions.length]!;
    // The wall clock just before the change, shifted; kept on the same local date.
    const zone = IANAZone.create(timeZone);
    const wallBefore = at - 1 + zone.offset(at - 1) * msPerMinute;
    const day = Math.floor(wallBefore / msPerDay);
    const minute = Math.floor((wallBefore - day * msPerDay) / msPerMinute) + 1 + shift;
    const clamped = Math.max(0, Math.min(minutesPerDay - 1, minute));
    return { timeZone, date: toLocalDate(day), start: formatMinutesOfDay(clamped) };
  });

/** Local dates in `zone`, half of them within two days of one of its offset changes. @category Testing */
export function localDateArb(zone: TimeZone): fc.Arbitrary<LocalDate> {
  return fc.oneof(
    uniformInstantArb.map((instant) => localDateOf(instant, zone)),
    instantNearTransitionArb(zone).map((instant) => localDateOf(instant, zone)),
  );
}

/**
 * `HH:mm` times, biased towards the small hours where DST changes happen (00:00–03:59 in
 * 15-minute steps), up to `latest` minutes after midnight.
 * @category Testing
 */
export function localTimeArb(latest = minutesPerDay - 1): fc.Arbitrary<LocalTime> {
  return fc
    .oneof(
      fc.integer({ min: 0, max: latest }),
      fc.integer({ min: 0, max: Math.min(15, Math.floor(latest / 15)) }).map((q) => q * 15),
    )
    .map(formatMinutesOfDay);
}

/** The scheduling fields of a slot. @category Testing */
export type SlotShape = Pick<Slot, 'day' | 'start' | 'timeZone' | 'durationMinutes' | 'places'>;

/**
 * Valid slot shapes: within {@link slotLimits} and ending by local midnight, in a zone of
 * {@link testTimeZones} (or `zone` when given).
 * @category Testing
 */
export function slotShapeArb(zone?: TimeZone): fc.Arbitrary<SlotShape> {
  return fc
    .record({
      durationMinutes: fc.oneof(
        fc.integer({ min: slotLimits.minDurationMinutes, max: 30 }),
        fc.integer({ min: slotLimits.minDurationMinutes, max: slotLimits.maxDurationMinutes }),
      ),
      placesWish: fc.integer({ min: slotLimits.minPlaces, max: slotLimits.maxPlaces }),
      day: weekdayArb,
      timeZone: zone === undefined ? timeZoneArb : fc.constant(zone),
    })
    .chain(({ durationMinutes, placesWish, day, timeZone }) => {
      const places = Math.max(1, Math.min(placesWish, Math.floor(minutesPerDay / durationMinutes)));
      const latest = minutesPerDay - durationMinutes * places;
      return localTimeArb(latest).map((start) => ({
        day,
        start,
        timeZone,
        durationMinutes,
        places,
      }));
    });
}

/** Whole {@link Slot}s with valid shapes. @category Testing */
export const slotArb: fc.Arbitrary<Slot> = fc
  .record({
    shape: slotShapeArb(),
    id: fc.integer({ min: 1, max: 1_000_000 }),
    doctorId: fc.integer({ min: 1, max: 1_000_000 }),
    fee: fc.integer({ min: 0, max: slotLimits.maxFee }),
    createdAt: uniformInstantArb,
  })
  .map(({ shape, ...rest }) => ({ ...shape, ...rest }));

/** Booking policies: cutoff up to two days, horizon 0–8 weeks. @category Testing */
export const policyArb: fc.Arbitrary<BookingPolicy> = fc.record({
  cutoffMinutes: fc.oneof(fc.constantFrom(0, 30, 60), fc.integer({ min: 0, max: 2 * 1440 })),
  horizonWeeks: fc.integer({ min: 0, max: 8 }),
});

/**
 * Cancelled-date sets for `slot` seen at `now`: any subset of its dates from today (in its
 * zone) to `horizonWeeks` ahead, plus a few unrelated dates that must not matter.
 * @category Testing
 */
export function cancelledDatesArb(
  slot: Pick<Slot, 'day' | 'timeZone'>,
  now: Date,
  horizonWeeks: number,
): fc.Arbitrary<ReadonlySet<LocalDate>> {
  const today = localDateOf(now, slot.timeZone);
  const first = (weekdays.indexOf(slot.day) + 1 - isoWeekdayOf(today) + 7) % 7;
  const slotDates: LocalDate[] = [];
  for (let ahead = first; ahead <= 7 * horizonWeeks + 7; ahead += 7)
    slotDates.push(addDays(today, ahead));
  const noise = fc
    .integer({ min: -14, max: 7 * horizonWeeks + 14 })
    .map((days) => addDays(today, days));
  return fc
    .tuple(fc.subarray(slotDates), fc.array(noise, { maxLength: 3 }))
    .map(([dates, extra]) => new Set([...dates, ...extra]));
}

const liveStatuses: readonly AppointmentStatus[] = [
  'booked',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
];

/**
 * One appointment of a sitting on the day, minutes measured from the planned start:
 * completed ones were called in and finished (a few without times, as before
 * `in_consultation`), and lengths run from instant to twice the slot's duration.
 */
function liveAppointmentArb(
  startsAt: Date,
  durationMinutes: number,
  queueNumber: number,
): fc.Arbitrary<LiveQueueAppointment> {
  const at = (minutes: number): Date => new Date(startsAt.getTime() + minutes * msPerMinute);
  return fc
    .record({
      status: fc.constantFrom(...liveStatuses),
      calledMinute: fc.integer({ min: -30, max: 8 * 60 }),
      lengthMinutes: fc.double({ min: 0, max: 2 * durationMinutes, noNaN: true }),
      timed: fc.boolean(),
    })
    .map(({ status, calledMinute, lengthMinutes, timed }) =>
      status === 'completed' && (timed || queueNumber % 5 !== 0)
        ? {
            queueNumber,
            status,
            calledAt: at(calledMinute),
            completedAt: at(calledMinute + lengthMinutes),
          }
        : { queueNumber, status },
    );
}

/**
 * A sitting on the day of its queue and the instant it is looked at: distinct queue numbers
 * of any status, at most one `in_consultation` (called in up to two durations ago or
 * ahead of `now`), started on time, late, early or not at all, and `now` from two hours
 * before the planned start to well past its end.
 * @category Testing
 */
export const liveQueueArb: fc.Arbitrary<{ sitting: LiveQueueSitting; now: Date }> = fc
  .record({
    startsAt: uniformInstantArb.map(
      (d) => new Date(Math.floor(d.getTime() / msPerMinute) * msPerMinute),
    ),
    durationMinutes: fc.integer({ min: slotLimits.minDurationMinutes, max: 60 }),
    queueNumbers: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 20 }),
    startedMinute: fc.option(fc.integer({ min: -30, max: 90 }), { nil: null }),
    nowMinute: fc.integer({ min: -120, max: 10 * 60 }),
    servingIndex: fc.option(fc.nat(), { nil: null }),
    calledBeforeNow: fc.integer({ min: -60, max: 120 }),
  })
  .chain((shape) => {
    const { startsAt, durationMinutes, queueNumbers } = shape;
    const at = (minutes: number): Date => new Date(startsAt.getTime() + minutes * msPerMinute);
    return fc
      .tuple(...queueNumbers.map((q) => liveAppointmentArb(startsAt, durationMinutes, q)))
      .map((appointments) => {
        const { servingIndex, nowMinute, calledBeforeNow, startedMinute } = shape;
        if (servingIndex !== null && appointments.length > 0) {
          const i = servingIndex % appointments.length;
          appointments[i] = {
            queueNumber: appointments[i]!.queueNumber,
            status: 'in_consultation',
            calledAt: at(nowMinute - calledBeforeNow),
          };
        }
        const startedAt = startedMinute === null ? null : at(startedMinute);
        return {
          sitting: { startsAt, durationMinutes, startedAt, appointments },
          now: at(nowMinute),
        };
      });
  });
