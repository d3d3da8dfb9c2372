import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowestFreeQueueNumber } from './queue-number.js';

describe('lowestFreeQueueNumber', () => {
  it('matches a model: the least of 1…places not taken, undefined when all are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 80 }),
        (places, taken) => {
          const free = Array.from({ length: places }, (_, i) => i + 1).filter(
            (n) => !taken.includes(n),
          );
          expect(lowestFreeQueueNumber(taken, places)).toBe(free[0]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('hands out 1…places in order when booking one after another, then reuses a freed place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), (places, pick) => {
        const taken = new Set<number>();
        const handedOut: (number | undefined)[] = [];
        for (let i = 0; i < places; i++) {
          const next = lowestFreeQueueNumber(taken, places);
          handedOut.push(next);
          if (next !== undefined) taken.add(next);
        }
        expect(handedOut).toEqual(Array.from({ length: places }, (_, i) => i + 1));
        expect(lowestFreeQueueNumber(taken, places)).toBeUndefined();
        const freed = (pick % places) + 1;
        taken.delete(freed);
        expect(lowestFreeQueueNumber(taken, places)).toBe(freed);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts any iterable and a sitting with no places', () => {
    expect(lowestFreeQueueNumber(new Set([1, 2, 4]), 5)).toBe(3);
    expect(lowestFreeQueueNumber([1, 1, 2], 2)).toBeUndefined();
    expect(lowestFreeQueueNumber([], 0)).toBeUndefined();
  });
});
