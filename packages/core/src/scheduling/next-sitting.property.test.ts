import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../shared/primitives.js';
import { isoWeekday } from '../shared/primitives.js';
import type { BookingPolicy } from './booking-policy.js';
import {
  cancelledDatesArb,
  instantArb,
  localDateArb,
  policyArb,
  slotShapeArb,
  testTimeZones,
  timeZoneArb,
  type SlotShape,
} from '../testing/arbitraries.js';
import { nextSitting, upcomingSittings } from './next-sitting.js';
import { sittingTimes } from './sitting-times.js';

const minute = 60_000;

/**
 * An instant near a sitting's closing time (`startsAt − cutoff`, to the millisecond), so
 * the open/closed boundary is hit, not just approached.
 */
function closingTimeArb(slot: SlotShape, policy: BookingPolicy): fc.Arbitrary<Date> {
  return fc
    .tuple(localDateArb(slot.timeZone), fc.integer({ min: 0, max: 6 }), fc.constantFrom(-1, 0, 1))
    .map(([date, days, ms]) => {
      const closes =
        sittingTimes(slot, date).startsAt.getTime() +
        days * 86_400_000 -
        policy.cutoffMinutes * minute;
      return new Date(closes + ms);
    });
}

/** A slot, an instant, a policy and cancelled dates that hit the slot's real dates. */
const scenarioArb = fc.constantFrom(...testTimeZones).chain((zone) =>
  fc
    .record({ slot: slotShapeArb(zone), policy: policyArb })
    .chain((base) =>
      fc
        .oneof(instantArb(zone), closingTimeArb(base.slot, base.policy))
        .map((now) => ({ ...base, now })),
    )
    .chain((base) =>
      cancelledDatesArb(base.slot, base.now, base.policy.horizonWeeks).map((cancelled) => ({
        ...base,
        cancelled,
      })),
    ),
);

/** Open at `now` under the policy's cutoff. */
function open(startsAt: Date, now: Date, policy: BookingPolicy): boolean {
  return now.getTime() < startsAt.getTime() - policy.cutoffMinutes * minute;
}

/**
 * Brute force, written apart from the implementation: walk every calendar day (luxon's
 * calendar) from two days before today in the zone to the horizon, keep the bookable ones.
 */
function bruteForce(
  slot: SlotShape,
  now: Date,
  policy: BookingPolicy,
  cancelled: ReadonlySet<LocalDate>,
) {
  // Today is read in the slot's zone with luxon; the calendar walk uses UTC Date arithmetic.
  const today = Date.parse(
    `${DateTime.fromJSDate(now, { zone: slot.timeZone }).toISODate()!}T00:00:00Z`,
  );
  const bookable: { date: LocalDate; startsAt: number; beforeToday: boolean }[] = [];
  for (let i = -2; i <= 7 * policy.horizonWeeks; i++) {
    const day = new Date(today + i * 86_400_000);
    if ((day.getUTCDay() || 7) !== isoWeekday(slot.day)) continue;
    const date = day.toISOString().slice(0, 10);
    if (cancelled.has(date)) continue;
    const { startsAt } = sittingTimes(slot, date);
    if (open(startsAt, now, policy))
      bookable.push({ date, startsAt: startsAt.getTime(), beforeToday: i < 0 });
  }
  return bookable;
}

describe('nextSitting', () => {
  it('is the earliest bookable date of a day-by-day search: on the weekday, open, not cancelled', () => {
    fc.assert(
      fc.property(scenarioArb, ({ slot, now, policy, cancelled }) => {
        const next = nextSitting(slot, now, policy, cancelled);
        const bookable = bruteForce(slot, now, policy, cancelled);
        // No date before today (in the zone) can still be open.
        expect(bookable.filter((b) => b.beforeToday)).toEqual([]);
        const expected = bookable[0];
        if (expected === undefined) {
          expect(next).toBeUndefined();
          return;
        }
        expect(next).toBeDefined();
        expect(next!.date).toBe(expected.date);
        expect(next!.startsAt.getTime()).toBe(expected.startsAt);
        expect(DateTime.fromISO(next!.date).weekday).toBe(isoWeekday(slot.day));
        expect(open(next!.startsAt, now, policy)).toBe(true);
        expect(cancelled.has(next!.date)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('is at most 7 days ahead with no cutoff and no cancellations', () => {
    fc.assert(
      fc.property(
        timeZoneArb.chain((zone) => fc.tuple(slotShapeArb(zone), instantArb(zone))),
        fc.integer({ min: 1, max: 8 }),
        ([slot, now], horizonWeeks) => {
          const next = nextSitting(slot, now, { cutoffMinutes: 0, horizonWeeks }, new Set());
          expect(next).toBeDefined();
          const today = DateTime.fromISO(
            DateTime.fromJSDate(now, { zone: slot.timeZone }).toISODate()!,
            { zone: 'utc' },
          );
          const days = DateTime.fromISO(next!.date, { zone: 'utc' }).diff(today, 'days').days;
          expect(days).toBeGreaterThanOrEqual(0);
          expect(days).toBeLessThanOrEqual(7);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('upcomingSittings', () => {
  it('lists exactly the bookable dates: sorted, distinct, on the weekday, open, not cancelled, within the horizon', () => {
    fc.assert(
      fc.property(scenarioArb, ({ slot, now, policy, cancelled }) => {
        const upcoming = upcomingSittings(slot, now, policy, cancelled);
        const lastDate = DateTime.fromJSDate(now, { zone: slot.timeZone })
          .startOf('day')
          .plus({ days: 7 * policy.horizonWeeks })
          .toISODate()!;
        for (const [i, sitting] of upcoming.entries()) {
          expect(DateTime.fromISO(sitting.date).weekday).toBe(isoWeekday(slot.day));
          expect(open(sitting.startsAt, now, policy)).toBe(true);
          expect(cancelled.has(sitting.date)).toBe(false);
          expect(sitting.date <= lastDate).toBe(true);
          const previous = upcoming[i - 1];
          if (previous) {
            expect(previous.date < sitting.date).toBe(true);
            expect(previous.startsAt.getTime()).toBeLessThan(sitting.startsAt.getTime());
          }
        }
        expect(upcoming.map((s) => s.date)).toEqual(
          bruteForce(slot, now, policy, cancelled).map((b) => b.date),
        );
        expect(upcoming[0]).toEqual(nextSitting(slot, now, policy, cancelled));
      }),
      { numRuns: 1000 },
    );
  });

  it('only loses dates when more are cancelled', () => {
    fc.assert(
      fc.property(scenarioArb, ({ slot, now, policy, cancelled }) => {
        const all = upcomingSittings(slot, now, policy, new Set()).map((s) => s.date);
        const kept = upcomingSittings(slot, now, policy, cancelled).map((s) => s.date);
        expect(kept).toEqual(all.filter((date) => !cancelled.has(date)));
      }),
      { numRuns: 1000 },
    );
  });
});
