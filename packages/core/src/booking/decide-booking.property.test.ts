import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sittingStatuses } from '../scheduling/sitting.js';
import {
  bookingRefusals,
  decideBooking,
  lowestFreeQueueNumber,
  type SittingBookingState,
} from './decide-booking.js';

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

  it('accepts any iterable', () => {
    expect(lowestFreeQueueNumber(new Set([1, 2, 4]), 5)).toBe(3);
  });

  it('counts a repeated number once', () => {
    expect(lowestFreeQueueNumber([1, 1, 2], 2)).toBeUndefined();
  });

  it('has nothing to hand out in a sitting with no places', () => {
    expect(lowestFreeQueueNumber([], 0)).toBeUndefined();
  });
});

/** A sitting as the stores keep it: distinct queue numbers in 1…places, one place per patient. */
const sittingState = fc
  .record({
    status: fc.constantFrom(...sittingStatuses),
    places: fc.integer({ min: 0, max: 12 }),
    seed: fc.nat(),
  })
  .chain(({ status, places, seed }) =>
    fc
      .subarray(Array.from({ length: places }, (_, i) => i + 1))
      .map((numbers): SittingBookingState => ({
        status,
        places,
        active: numbers.map((queueNumber, i) => ({
          patientId: ((seed + i * 7) % 40) + 1,
          queueNumber,
        })),
      }))
      .filter((s) => new Set(s.active.map((a) => a.patientId)).size === s.active.length),
  );
const ask = fc.record({
  patientId: fc.integer({ min: 1, max: 45 }),
  idempotencyKeyUsedElsewhere: fc.boolean(),
  claims: fc.integer({ min: 0, max: 6 }),
  claimLimit: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
});
const unlimited = { claims: 0, claimLimit: null } as const;

describe('decideBooking', () => {
  it('refuses with the first refusal that applies, in the documented order, else books the lowest free number', () => {
    fc.assert(
      fc.property(fc.option(sittingState, { nil: undefined }), ask, (sitting, request) => {
        const reasons = [
          sitting === undefined && 'SITTING_NOT_FOUND',
          sitting?.status === 'cancelled' && 'SITTING_CANCELLED',
          (sitting?.status === 'completed' || sitting?.status === 'in_progress') &&
            'SITTING_CLOSED',
          sitting !== undefined && request.idempotencyKeyUsedElsewhere && 'IDEMPOTENCY_KEY_REUSED',
          sitting?.active.some((a) => a.patientId === request.patientId) && 'ALREADY_BOOKED',
          sitting !== undefined &&
            request.claimLimit !== null &&
            request.claims >= request.claimLimit &&
            'TOO_MANY_APPOINTMENTS',
          sitting !== undefined && sitting.active.length >= sitting.places && 'SITTING_FULL',
        ].filter((reason) => reason !== false && reason !== undefined);
        const decision = decideBooking(sitting, request);
        if (reasons.length > 0) {
          expect(decision).toEqual({ outcome: 'refused', refusal: reasons[0] });
        } else {
          const taken = sitting!.active.map((a) => a.queueNumber);
          expect(decision).toEqual({
            outcome: 'booked',
            queueNumber: lowestFreeQueueNumber(taken, sitting!.places),
            sitting,
          });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets a sitting hold more active appointments than places, nor two with one number', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('book' as const), patientId: fc.integer({ min: 1, max: 15 }) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(step, { maxLength: 60 }),
        (places, steps) => {
          let active: SittingBookingState['active'] = [];
          for (const s of steps) {
            if (s.kind === 'cancel') {
              active = active.filter((_, i) => active.length === 0 || i !== s.pick % active.length);
              continue;
            }
            const decision = decideBooking(
              { status: 'scheduled', places, active },
              { patientId: s.patientId, idempotencyKeyUsedElsewhere: false, ...unlimited },
            );
            if (decision.outcome === 'booked')
              active = [...active, { patientId: s.patientId, queueNumber: decision.queueNumber }];
            expect(active.length).toBeLessThanOrEqual(places);
            expect(new Set(active.map((a) => a.queueNumber)).size).toBe(active.length);
            expect(active.every((a) => a.queueNumber >= 1 && a.queueNumber <= places)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('has one message per refusal code', () => {
    expect(Object.keys(bookingRefusals)).toEqual([
      'SITTING_NOT_FOUND',
      'SITTING_CANCELLED',
      'SITTING_CLOSED',
      'IDEMPOTENCY_KEY_REUSED',
      'ALREADY_BOOKED',
      'TOO_MANY_APPOINTMENTS',
      'SITTING_FULL',
    ]);
  });

  it('never lets one booker hold more claims than the limit, across sittings and cancellations', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('book' as const),
        sitting: fc.nat(3),
        patientId: fc.integer({ min: 1, max: 6 }),
      }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(step, { maxLength: 60 }),
        (limit, steps) => {
          // Four roomy sittings of one booker: only the claim limit can refuse a new patient.
          const held: { sitting: number; patientId: number; queueNumber: number }[] = [];
          for (const s of steps) {
            if (s.kind === 'cancel') {
              if (held.length > 0) held.splice(s.pick % held.length, 1);
              continue;
            }
            const active = held.filter((h) => h.sitting === s.sitting);
            const decision = decideBooking(
              { status: 'scheduled', places: 10, active },
              {
                patientId: s.patientId,
                idempotencyKeyUsedElsewhere: false,
                claims: held.length,
                claimLimit: limit,
              },
            );
            const alreadyThere = active.some((a) => a.patientId === s.patientId);
            if (decision.outcome === 'booked') {
              held.push({
                sitting: s.sitting,
                patientId: s.patientId,
                queueNumber: decision.queueNumber,
              });
            } else {
              // Refused for the limit exactly when the booker is at it (and not already booked there).
              expect(decision.refusal).toBe(
                alreadyThere ? 'ALREADY_BOOKED' : 'TOO_MANY_APPOINTMENTS',
              );
              if (!alreadyThere) expect(held.length).toBe(limit);
            }
            expect(held.length).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("ignores the claims when there is no limit (a reschedule's target, internal callers)", () => {
    const decision = decideBooking(
      { status: 'scheduled', places: 2, active: [] },
      { patientId: 1, idempotencyKeyUsedElsewhere: false, claims: 1_000, claimLimit: null },
    );
    expect(decision).toMatchObject({ outcome: 'booked', queueNumber: 1 });
  });
});
