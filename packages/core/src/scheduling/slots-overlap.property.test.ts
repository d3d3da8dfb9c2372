import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotShapeArb, weekdayArb } from '../testing/arbitraries.js';
import { slotsOverlap } from './slots-overlap.js';

type Shape = { day: string; start: string; durationMinutes: number; places: number };

/** The minutes of the day a slot occupies, marked one by one. */
function occupiedMinutes(slot: Shape): Uint8Array {
  const [h, m] = slot.start.split(':').map(Number) as [number, number];
  const minutes = new Uint8Array(1440);
  minutes.fill(1, h * 60 + m, h * 60 + m + slot.durationMinutes * slot.places);
  return minutes;
}

/** Pairs of slots, often on one day and close together so overlaps and touches are common. */
const pairArb = fc.oneof(
  fc.tuple(slotShapeArb(), slotShapeArb()),
  fc.tuple(slotShapeArb(), slotShapeArb(), weekdayArb).map(
    ([a, b, day]) =>
      [
        { ...a, day },
        { ...b, day },
      ] as const,
  ),
  slotShapeArb().chain((a) =>
    fc
      .record({ length: fc.integer({ min: 1, max: 120 }), gap: fc.integer({ min: -60, max: 60 }) })
      .map(({ length, gap }) => {
        const [h, m] = a.start.split(':').map(Number) as [number, number];
        const end = h * 60 + m + a.durationMinutes * a.places;
        const start = Math.max(0, Math.min(1440 - length, end + gap));
        const b = {
          ...a,
          start: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`,
          durationMinutes: length,
          places: 1,
        };
        return [a, b] as const;
      }),
  ),
);

describe('slotsOverlap', () => {
  it('agrees with a minute-by-minute check and is symmetric', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const busyA = occupiedMinutes(a);
        const busyB = occupiedMinutes(b);
        const shared =
          a.day === b.day && busyA.some((busy, minute) => busy === 1 && busyB[minute] === 1);
        expect(slotsOverlap(a, b)).toBe(shared);
        expect(slotsOverlap(b, a)).toBe(slotsOverlap(a, b));
      }),
      { numRuns: 1500 },
    );
  });

  it('lets a slot start when another ends, and always overlaps itself', () => {
    const a = { day: 'monday' as const, start: '10:30', durationMinutes: 10, places: 10 };
    expect(slotsOverlap(a, { ...a, start: '12:10' })).toBe(false);
    expect(slotsOverlap(a, { ...a, start: '12:09' })).toBe(true);
    expect(slotsOverlap(a, { ...a, start: '09:00', durationMinutes: 90, places: 1 })).toBe(false);
    expect(slotsOverlap(a, { ...a, day: 'tuesday' })).toBe(false);
    expect(slotsOverlap(a, a)).toBe(true);
  });
});
