import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, epochDayOf, isoWeekdayOf, toLocalDate } from './local-date.js';

// Years 0003…9997, leaving room to add ±1000 days within 0001…9999.
const dateArb = fc
  .integer({ min: -719_162 + 1000, max: 2_932_896 - 1000 })
  .map((day) => DateTime.fromMillis(day * 86_400_000, { zone: 'utc' }));

describe('local date arithmetic', () => {
  it('agrees with luxon on epoch days, weekdays and adding days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -1000, max: 1000 }), (day, shift) => {
        const date = day.toISODate()!;
        expect(toLocalDate(epochDayOf(date))).toBe(date);
        expect(epochDayOf(date) * 86_400_000).toBe(day.toMillis());
        expect(isoWeekdayOf(date)).toBe(day.weekday);
        expect(addDays(date, shift)).toBe(day.plus({ days: shift }).toISODate());
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00',
      '',
    ]) {
      expect(() => epochDayOf(bad)).toThrow(RangeError);
    }
    expect(epochDayOf('2024-02-29')).toBe(19782);
    expect(toLocalDate(0)).toBe('1970-01-01');
    expect(isoWeekdayOf('1970-01-01')).toBe(4);
  });
});
