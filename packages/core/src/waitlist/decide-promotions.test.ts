import { describe, expect, it } from 'vitest';
import { decidePromotions, type SittingPromotionState } from './decide-promotions.js';

const startsAt = new Date('2026-01-12T10:00:00.000Z');
const before = new Date('2026-01-12T09:00:00.000Z');
const sitting = (over: Partial<SittingPromotionState> = {}): SittingPromotionState => ({
  status: 'scheduled',
  startsAt,
  places: 3,
  active: [
    { patientId: 1, queueNumber: 1 },
    { patientId: 3, queueNumber: 3 },
  ],
  ...over,
});
const waiting = [
  { id: 12, patientId: 22 },
  { id: 10, patientId: 20 },
  { id: 11, patientId: 21 },
];

describe('decidePromotions', () => {
  it('gives the one free number to the earliest entry', () => {
    expect(decidePromotions(sitting(), waiting, before)).toEqual({
      promote: [{ entryId: 10, queueNumber: 2 }],
      expire: [],
    });
  });

  it('gives the lowest free numbers to the earliest entries, one each', () => {
    const decision = decidePromotions(sitting({ active: [] }), waiting, before);
    expect(decision.promote).toEqual([
      { entryId: 10, queueNumber: 1 },
      { entryId: 11, queueNumber: 2 },
      { entryId: 12, queueNumber: 3 },
    ]);
  });

  it('promotes nobody into a full sitting', () => {
    const full = sitting({
      active: [
        { patientId: 1, queueNumber: 1 },
        { patientId: 2, queueNumber: 2 },
        { patientId: 3, queueNumber: 3 },
      ],
    });
    expect(decidePromotions(full, waiting, before)).toEqual({ promote: [], expire: [] });
  });

  it('expires every entry instead once the sitting has started or is not scheduled', () => {
    const all = { promote: [], expire: [10, 11, 12] };
    expect(decidePromotions(sitting(), waiting, startsAt)).toEqual(all);
    expect(decidePromotions(sitting({ status: 'in_progress' }), waiting, before)).toEqual(all);
    expect(decidePromotions(sitting({ status: 'cancelled' }), waiting, before)).toEqual(all);
    expect(decidePromotions(sitting({ status: 'completed' }), waiting, before)).toEqual(all);
  });

  it('expires an entry whose patient already holds a place, and promotes the next', () => {
    const decision = decidePromotions(
      sitting(),
      [
        { id: 1, patientId: 3 },
        { id: 2, patientId: 20 },
      ],
      before,
    );
    expect(decision).toEqual({ promote: [{ entryId: 2, queueNumber: 2 }], expire: [1] });
  });
});
