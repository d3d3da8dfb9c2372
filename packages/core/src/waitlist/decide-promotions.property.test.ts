import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sittingStatuses } from '../scheduling/sitting.js';
import { decidePromotions, type SittingPromotionState } from './decide-promotions.js';

const startsAt = new Date('2026-01-12T10:00:00.000Z');

/** A sitting with distinct active queue numbers and patients, and a queue of other patients. */
const world = fc
  .record({
    places: fc.integer({ min: 1, max: 8 }),
    status: fc.constantFrom(...sittingStatuses),
    nowOffsetMinutes: fc.integer({ min: -600, max: 60 }),
    takenBits: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    waitingIds: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { maxLength: 30 }),
  })
  .map(({ places, status, nowOffsetMinutes, takenBits, waitingIds }) => {
    const active = takenBits
      .slice(0, places)
      .flatMap((taken, i) => (taken ? [{ patientId: 5000 + i, queueNumber: i + 1 }] : []));
    const sitting: SittingPromotionState = { status, startsAt, places, active };
    const waiting = waitingIds.map((id) => ({ id, patientId: id }));
    const now = new Date(startsAt.getTime() + nowOffsetMinutes * 60_000);
    return { sitting, waiting, now };
  });

describe('decidePromotions, on any sitting and queue', () => {
  it('never promotes more entries than free places, nor a number taken or out of range', () => {
    fc.assert(
      fc.property(world, ({ sitting, waiting, now }) => {
        const { promote } = decidePromotions(sitting, waiting, now);
        const taken = new Set(sitting.active.map((a) => a.queueNumber));
        expect(promote.length).toBeLessThanOrEqual(sitting.places - sitting.active.length);
        const numbers = promote.map((p) => p.queueNumber);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const n of numbers) {
          expect(taken.has(n)).toBe(false);
          expect(n >= 1 && n <= sitting.places).toBe(true);
        }
      }),
    );
  });

  it('promotes the earliest entries, first come first served, the lowest numbers first', () => {
    fc.assert(
      fc.property(world, ({ sitting, waiting, now }) => {
        const { promote } = decidePromotions(sitting, waiting, now);
        const fifo = waiting.map((w) => w.id).sort((a, b) => a - b);
        expect(promote.map((p) => p.entryId)).toEqual(fifo.slice(0, promote.length));
        const numbers = promote.map((p) => p.queueNumber);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        const free = [];
        for (let n = 1; n <= sitting.places; n++)
          if (!sitting.active.some((a) => a.queueNumber === n)) free.push(n);
        expect(numbers).toEqual(free.slice(0, numbers.length));
      }),
    );
  });

  it('leaves no free place while someone waits, on a sitting that takes promotions', () => {
    fc.assert(
      fc.property(world, ({ sitting, waiting, now }) => {
        fc.pre(sitting.status === 'scheduled' && now < sitting.startsAt);
        const { promote } = decidePromotions(sitting, waiting, now);
        const free = sitting.places - sitting.active.length;
        expect(promote.length).toBe(Math.min(free, waiting.length));
      }),
    );
  });

  it('promotes nobody once the sitting has started or is not scheduled: all expire', () => {
    fc.assert(
      fc.property(world, ({ sitting, waiting, now }) => {
        fc.pre(sitting.status !== 'scheduled' || now >= sitting.startsAt);
        const decision = decidePromotions(sitting, waiting, now);
        expect(decision.promote).toEqual([]);
        expect([...decision.expire].sort((a, b) => a - b)).toEqual(
          waiting.map((w) => w.id).sort((a, b) => a - b),
        );
      }),
    );
  });
});
