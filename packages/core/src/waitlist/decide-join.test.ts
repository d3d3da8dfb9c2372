import { describe, expect, it } from 'vitest';
import { defaultBookingLimits } from '../booking/booking-limits.js';
import { decideJoin, joinRefused, type SittingWaitlistState } from './decide-join.js';

const startsAt = new Date('2026-01-12T10:00:00.000Z');
const now = new Date('2026-01-12T08:00:00.000Z');
const full = (over: Partial<SittingWaitlistState> = {}): SittingWaitlistState => ({
  status: 'scheduled',
  startsAt,
  places: 1,
  active: [{ patientId: 1, queueNumber: 1 }],
  waiting: [],
  ...over,
});
const ask = { patientId: 9, claims: 0, limits: defaultBookingLimits, now };

describe('decideJoin', () => {
  it('admits a patient to the queue of a full sitting', () => {
    expect(decideJoin(full(), ask)).toBeUndefined();
  });

  it('refuses a missing, cancelled, closed or started sitting first', () => {
    expect(decideJoin(undefined, ask)).toBe('SITTING_NOT_FOUND');
    expect(decideJoin(full({ status: 'cancelled' }), ask)).toBe('SITTING_CANCELLED');
    expect(decideJoin(full({ status: 'in_progress' }), ask)).toBe('SITTING_CLOSED');
    expect(decideJoin(full({ status: 'completed' }), ask)).toBe('SITTING_CLOSED');
    expect(decideJoin(full(), { ...ask, now: startsAt })).toBe('SITTING_CLOSED');
  });

  it('sends to booking a sitting with a free place and nobody waiting, but queues behind waiters', () => {
    expect(decideJoin(full({ places: 2 }), ask)).toBe('PLACES_AVAILABLE');
    expect(decideJoin(full({ places: 2, waiting: [{ patientId: 5 }] }), ask)).toBeUndefined();
  });

  it('refuses a booked patient, then a waiting one, then a full queue, then the claims limit', () => {
    expect(decideJoin(full(), { ...ask, patientId: 1 })).toBe('ALREADY_BOOKED');
    expect(decideJoin(full({ waiting: [{ patientId: 9 }] }), ask)).toBe('ALREADY_WAITING');
    const three = [{ patientId: 5 }, { patientId: 6 }, { patientId: 7 }];
    expect(decideJoin(full({ waiting: three }), ask)).toBe('WAITLIST_FULL');
    expect(decideJoin(full({ waiting: three.slice(0, 2) }), ask)).toBeUndefined();
    expect(decideJoin(full(), { ...ask, claims: 20 })).toBe('TOO_MANY_APPOINTMENTS');
    expect(decideJoin(full(), { ...ask, claims: 19 })).toBeUndefined();
  });

  it('turns a refusal into its domain error', () => {
    expect(joinRefused('WAITLIST_FULL')).toMatchObject({ code: 'WAITLIST_FULL' });
  });
});
