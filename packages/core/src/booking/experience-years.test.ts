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
