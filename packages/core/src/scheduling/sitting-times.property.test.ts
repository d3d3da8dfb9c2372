import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { LocalDate, LocalTime, TimeZone } from '../shared/primitives.js';
import {
  localDateArb,
  offsetTransitions,
  slotShapeArb,
  startNearTransitionArb,
  testTimeZones,
} from '../testing/arbitraries.js';
import { expectedTime, sittingTimes } from './sitting-times.js';

const minute = 60_000;

/**
 * The RFC 5545 reading of a wall time, worked out independently of the implementation:
 * every offset the zone uses within a day is tried; real readings are those whose
 * offset is in force at the resulting instant. No reading: a gap, read with the offset in
 * force just before the change that causes it.
 */
function oracle(
  date: LocalDate,
  start: LocalTime,
  timeZone: TimeZone,
): { kind: 'plain' | 'ambiguous' | 'gap'; instant: number } {
  const zone = IANAZone.create(timeZone);
  const [h, m] = start.split(':').map(Number) as [number, number];
  const wall = DateTime.fromISO(date, { zone: 'utc' }).toMillis() + (h * 60 + m) * minute;
  const offsets = new Set<number>();
  for (let t = wall - 86_400_000; t <= wall + 86_400_000; t += 6 * 3_600_000)
    offsets.add(zone.offset(t));
  const real = [...offsets]
    .map((o) => wall - o * minute)
    .filter((t) => zone.offset(t) === (wall - t) / minute);
  if (real.length > 0)
    return { kind: real.length > 1 ? 'ambiguous' : 'plain', instant: Math.min(...real) };
  const year = Number(date.slice(0, 4));
  const change = [year - 1, year, year + 1]
    .flatMap((y) => offsetTransitions(timeZone, y))
    .find(
      (at) => wall - zone.offset(at - 1) * minute >= at && wall - zone.offset(at) * minute < at,
    );
  if (change === undefined)
    throw new Error(`no reading and no gap for ${date} ${start} ${timeZone}`);
  return { kind: 'gap', instant: wall - zone.offset(change - 1) * minute };
}

function wallClock(instant: Date, timeZone: TimeZone): { date: string; time: string } {
  const local = DateTime.fromMillis(instant.getTime(), { zone: timeZone });
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
}

describe('sittingTimes keeps the wall-clock start across DST (RFC 5545)', () => {
  it('starts at the slot start on the date, the first occurrence when ambiguous, past the gap when missing', () => {
    const seen = { plain: 0, ambiguous: 0, gap: 0 };
    const cases = fc.oneof(
      fc
        .constantFrom(...testTimeZones)
        .chain((zone) => fc.record({ slot: slotShapeArb(zone), date: localDateArb(zone) })),
      fc
        .record({
          near: startNearTransitionArb,
          durationMinutes: fc.integer({ min: 1, max: 20 }),
          places: fc.integer({ min: 1, max: 10 }),
        })
        .map(({ near, durationMinutes, places }) => ({
          slot: {
            day: 'monday' as const,
            start: near.start,
            timeZone: near.timeZone,
            durationMinutes,
            places,
          },
          date: near.date,
        })),
    );
    fc.assert(
      fc.property(cases, ({ slot, date }) => {
        const { startsAt } = sittingTimes(slot, date);
        const expected = oracle(date, slot.start, slot.timeZone);
        seen[expected.kind]++;
        expect(startsAt.getTime()).toBe(expected.instant);
        const local = wallClock(startsAt, slot.timeZone);
        if (expected.kind === 'gap') {
          // Lands later by the gap: strictly after the slot start, on the same date.
          expect(local.date).toBe(date);
          expect(local.time > slot.start).toBe(true);
        } else {
          expect(local).toEqual({ date, time: slot.start });
        }
      }),
      { numRuns: 2000 },
    );
    // The generators must actually reach the DST corner cases.
    expect(seen.gap).toBeGreaterThan(20);
    expect(seen.ambiguous).toBeGreaterThan(20);
  });

  it('ends duration × places minutes of elapsed time after it starts', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...testTimeZones)
          .chain((zone) => fc.tuple(slotShapeArb(zone), localDateArb(zone))),
        ([slot, date]) => {
          const { startsAt, endsAt, date: sittingDate } = sittingTimes(slot, date);
          expect(sittingDate).toBe(date);
          expect(endsAt.getTime() - startsAt.getTime()).toBe(
            slot.durationMinutes * slot.places * minute,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('expectedTime', () => {
  const sittingArb = fc.constantFrom(...testTimeZones).chain((zone) =>
    fc.tuple(slotShapeArb(zone), localDateArb(zone)).chain(([slot, date]) =>
      fc.record({
        slot: fc.constant(slot),
        date: fc.constant(date),
        queueNumber: fc.integer({ min: 1, max: slot.places }),
      }),
    ),
  );

  it('is the sitting start for queue number 1 and rises strictly with the queue number', () => {
    fc.assert(
      fc.property(sittingArb, ({ slot, date, queueNumber }) => {
        const { startsAt } = sittingTimes(slot, date);
        expect(expectedTime(startsAt, slot.durationMinutes, 1).getTime()).toBe(startsAt.getTime());
        const at = expectedTime(startsAt, slot.durationMinutes, queueNumber).getTime();
        const next = expectedTime(startsAt, slot.durationMinutes, queueNumber + 1).getTime();
        expect(next).toBeGreaterThan(at);
        expect(next - at).toBe(slot.durationMinutes * minute);
      }),
      { numRuns: 1000 },
    );
  });

  it('lets the last place end exactly when the sitting ends', () => {
    fc.assert(
      fc.property(sittingArb, ({ slot, date }) => {
        const { startsAt, endsAt } = sittingTimes(slot, date);
        const last = expectedTime(startsAt, slot.durationMinutes, slot.places);
        expect(last.getTime() + slot.durationMinutes * minute).toBe(endsAt.getTime());
      }),
      { numRuns: 1000 },
    );
  });
});
