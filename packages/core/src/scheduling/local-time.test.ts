import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinutesOfDay, minutesOfDay, slotEnd, slotEndsByMidnight } from './local-time.js';

describe('slotEnd and slotEndsByMidnight', () => {
  it('adds duration × places to the start', () => {
    expect(slotEnd({ start: '10:30', durationMinutes: 10, places: 10 })).toBe('12:10');
    expect(slotEnd({ start: '23:00', durationMinutes: 15, places: 4 })).toBe('24:00');
    expect(slotEnd({ start: '00:00', durationMinutes: 1, places: 1 })).toBe('00:01');
  });

  it('allows ending exactly at midnight, not a minute later', () => {
    expect(slotEndsByMidnight('23:00', 15, 4)).toBe(true);
    expect(slotEndsByMidnight('23:00', 61, 1)).toBe(false);
    expect(slotEndsByMidnight('00:00', 240, 6)).toBe(true);
    expect(slotEndsByMidnight('00:01', 240, 6)).toBe(false);
    expect(() => slotEnd({ start: '23:00', durationMinutes: 61, places: 1 })).toThrow(RangeError);
  });

  it('round-trips every minute of the day and agrees with the end formula', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 200 }),
        (minute, duration, places) => {
          const start = formatMinutesOfDay(minute);
          expect(minutesOfDay(start)).toBe(minute);
          const fits = minute + duration * places <= 1440;
          expect(slotEndsByMidnight(start, duration, places)).toBe(fits);
          if (fits)
            expect(
              minutesOfDay(
                slotEnd({ start, durationMinutes: duration, places }).replace('24:00', '00:00'),
              ) % 1440,
            ).toBe((minute + duration * places) % 1440);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses malformed times', () => {
    for (const bad of ['24:00', '9:30', '10:60', '10:3', '', '10:30:00'])
      expect(() => minutesOfDay(bad)).toThrow(RangeError);
  });
});
