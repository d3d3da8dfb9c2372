import { describe, expect, it } from 'vitest';
import type { Slot } from '../scheduling/slot.js';
import type { Leave } from './leave.js';
import { daysIn, leaveDates, planReopen } from './leave-dates.js';

const slot = (shape: Partial<Slot> = {}): Slot => ({
  id: 1,
  doctorId: 1,
  day: 'monday',
  start: '10:00',
  durationMinutes: 10,
  places: 3,
  fee: 100,
  timeZone: 'UTC',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...shape,
});

const leave = (id: number, from: string, to: string, reopened = false): Leave => ({
  id,
  doctorId: 1,
  from,
  to,
  reason: '',
  createdBy: 1,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  reopenedAt: reopened ? new Date('2026-01-02T00:00:00Z') : null,
  cancelledSittings: 0,
  cancelledAppointments: 0,
});

describe('daysIn', () => {
  it('counts both ends, and nothing for an inverted range', () => {
    expect(daysIn({ from: '2026-01-05', to: '2026-01-05' })).toBe(1);
    expect(daysIn({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
    expect(daysIn({ from: '2026-01-06', to: '2026-01-05' })).toBe(0);
  });
});

describe('leaveDates', () => {
  const now = new Date('2026-01-05T09:00:00Z'); // Monday

  it("lists each slot's weekdays in the range, by slot then date", () => {
    const dates = leaveDates(
      [slot(), slot({ id: 2, day: 'wednesday', start: '18:00' })],
      { from: '2026-01-05', to: '2026-01-19' },
      now,
    );
    expect(dates.map((d) => `${d.slot.id} ${d.times.date}`)).toEqual([
      '1 2026-01-05',
      '1 2026-01-12',
      '1 2026-01-19',
      '2 2026-01-07',
      '2 2026-01-14',
    ]);
    expect(dates[0]!.times.startsAt.toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('skips a sitting that has started or is past, without refusing the rest', () => {
    const started = new Date('2026-01-05T10:00:00Z');
    expect(
      leaveDates([slot()], { from: '2025-12-29', to: '2026-01-12' }, started).map(
        (d) => d.times.date,
      ),
    ).toEqual(['2026-01-12']);
  });

  it("reads the dates in the slot's own zone", () => {
    // Monday 08:00 in Tokyo is Sunday 23:00 UTC: the leave's Monday is Tokyo's.
    const tokyo = slot({ start: '08:00', timeZone: 'Asia/Tokyo' });
    const [only] = leaveDates([tokyo], { from: '2026-01-12', to: '2026-01-12' }, now);
    expect(only?.times.startsAt.toISOString()).toBe('2026-01-11T23:00:00.000Z');
  });
});

describe('planReopen', () => {
  const now = new Date('2026-01-05T09:00:00Z');
  const sitting = (id: number, date: string, startsAt: string) => ({
    id,
    date,
    startsAt: new Date(startsAt),
  });

  it('re-opens what has not started, hands dates another active leave covers to the first such leave', () => {
    const plan = planReopen(
      { id: 1 },
      [
        sitting(10, '2026-01-05', '2026-01-05T08:00:00Z'), // started: stays
        sitting(11, '2026-01-12', '2026-01-12T10:00:00Z'),
        sitting(12, '2026-01-19', '2026-01-19T10:00:00Z'),
        sitting(13, '2026-01-26', '2026-01-26T10:00:00Z'),
      ],
      [
        leave(1, '2026-01-01', '2026-01-31'),
        leave(5, '2026-01-19', '2026-01-26'),
        leave(3, '2026-01-26', '2026-01-26'),
        leave(2, '2026-01-12', '2026-01-12', true), // re-opened: covers nothing
      ],
      now,
    );
    expect(plan.reopen).toEqual([11]);
    expect(plan.handOver).toEqual(
      new Map([
        [3, [13]],
        [5, [12]],
      ]),
    );
  });
});
