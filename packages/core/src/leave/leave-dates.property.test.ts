import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotArb, uniformInstantArb } from '../testing/arbitraries.js';
import { addDays } from '../scheduling/local-date.js';
import { isSlotDate, sittingTimes } from '../scheduling/sitting-times.js';
import { localDateOf } from '../scheduling/wall-clock.js';
import { daysIn, leaveDates } from './leave-dates.js';

/** A range of 1…60 dates starting within two weeks of `now` (in UTC), either side. */
const caseArb = fc
  .record({
    slots: fc.array(slotArb, { minLength: 1, maxLength: 3 }),
    now: uniformInstantArb,
    startOffset: fc.integer({ min: -14, max: 14 }),
    length: fc.integer({ min: 1, max: 60 }),
  })
  .map(({ slots, now, startOffset, length }) => {
    const from = addDays(localDateOf(now, 'UTC'), startOffset);
    const unique = slots.map((slot, i) => ({ ...slot, id: i + 1 }));
    return { slots: unique, now, range: { from, to: addDays(from, length - 1) } };
  });

describe('leaveDates, on any slots, range and instant', () => {
  it('returns exactly the dates in the range, on a slot weekday, whose sitting has not started', () => {
    fc.assert(
      fc.property(caseArb, ({ slots, now, range }) => {
        const got = leaveDates(slots, range, now).map((d) => `${d.slot.id} ${d.times.date}`);
        for (const d of leaveDates(slots, range, now)) {
          expect(range.from <= d.times.date && d.times.date <= range.to).toBe(true);
          expect(isSlotDate(d.slot, d.times.date)).toBe(true);
          expect(d.times.startsAt.getTime()).toBeGreaterThan(now.getTime());
          expect(d.times).toEqual(sittingTimes(d.slot, d.times.date));
        }
        // None missing: brute force over every date of the range.
        const expected: string[] = [];
        for (const slot of slots) {
          for (let i = 0; i < daysIn(range); i++) {
            const date = addDays(range.from, i);
            if (isSlotDate(slot, date) && sittingTimes(slot, date).startsAt > now)
              expected.push(`${slot.id} ${date}`);
          }
        }
        expect(got).toEqual(expected);
      }),
    );
  });
});
