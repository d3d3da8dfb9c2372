import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { experienceYears } from './experience-years.js';

describe('experienceYears', () => {
  it('counts whole years to now’s UTC date', () => {
    expect(experienceYears('2019-08-24', new Date('2022-08-24T00:00:00Z'))).toBe(3);
    expect(experienceYears('2019-08-24', new Date('2022-08-23T23:59:59Z'))).toBe(2);
    expect(experienceYears('2019-08-24', new Date('2019-08-24T12:00:00Z'))).toBe(0);
    expect(experienceYears('2020-02-29', new Date('2024-02-29T00:00:00Z'))).toBe(4);
  });

  it('is 0 without a qualification or with one in the future', () => {
    expect(experienceYears(undefined, new Date('2026-01-01T00:00:00Z'))).toBe(0);
    expect(experienceYears('2027-01-01', new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });

  it('rejects what is not a YYYY-MM-DD date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    for (const bad of [
      '2021-02-29',
      '2021-13-01',
      '2021-04-31',
      '2021-00-10',
      '2021-2-3',
      '20210203',
      '2021-02-03T00:00',
    ]) {
      expect(() => experienceYears(bad, now)).toThrow(RangeError);
    }
  });

  it('counts as luxon’s diff does, 29 February included', () => {
    // The implementation this replaced, kept as the oracle.
    const luxonYears = (earliest: string, now: Date): number => {
      const from = DateTime.fromISO(earliest, { zone: 'utc' });
      const today = DateTime.fromMillis(now.getTime(), { zone: 'utc' }).startOf('day');
      return today < from ? 0 : Math.floor(today.diff(from, 'years').years);
    };
    const day = 86_400_000;
    const anyInstant = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    // 26 February to 2 March of any year (29 February in leap ones), at any time of day.
    const endOfFebruary = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 26, max: 30 }),
        fc.integer({ min: 0, max: day - 1 }),
      )
      .map(([year, date, time]) => new Date(Date.UTC(year, 1, date) + time));
    const instant = fc.oneof(anyInstant, endOfFebruary);
    fc.assert(
      fc.property(instant, instant, (qualified, now) => {
        const earliest = qualified.toISOString().slice(0, 10);
        expect(experienceYears(earliest, now)).toBe(luxonYears(earliest, now));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with checking this year’s anniversary', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 366 }),
        fc.integer({ min: -400, max: 50 * 366 }),
        fc.integer({ min: 0, max: day - 1 }),
        (start, span, time) => {
          const earliest = DateTime.fromMillis(Date.UTC(1970, 0, 1) + start * day, { zone: 'utc' });
          const now = new Date(earliest.toMillis() + span * day + time);
          // The anniversary in now's year has come, or not yet.
          const calendarYears = new Date(now).getUTCFullYear() - earliest.year;
          const reached = earliest.plus({ years: calendarYears }).toMillis() <= now.getTime();
          const years = Math.max(0, reached ? calendarYears : calendarYears - 1);
          expect(experienceYears(earliest.toISODate()!, now)).toBe(years);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
