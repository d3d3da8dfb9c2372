import { describe, expect, it } from 'vitest';
import { horizonEnd, nextSitting, upcomingSittings } from './next-sitting.js';

const monday1030 = {
  day: 'monday' as const,
  start: '10:30',
  timeZone: 'Asia/Karachi',
  durationMinutes: 10,
  places: 10,
};
const policy = { cutoffMinutes: 0, horizonWeeks: 4 };
const none = new Set<string>();

describe('nextSitting', () => {
  it('counts today while it is still open', () => {
    // Monday 2026-11-30 10:00 in Karachi (+5).
    expect(nextSitting(monday1030, new Date('2026-11-30T05:00:00Z'), policy, none)?.date).toBe(
      '2026-11-30',
    );
  });

  it('moves to next week once today has started or the cutoff has passed', () => {
    expect(nextSitting(monday1030, new Date('2026-11-30T05:30:00Z'), policy, none)?.date).toBe(
      '2026-12-07',
    );
    expect(
      nextSitting(
        monday1030,
        new Date('2026-11-30T05:00:00Z'),
        { cutoffMinutes: 31, horizonWeeks: 4 },
        none,
      )?.date,
    ).toBe('2026-12-07');
  });

  it('skips cancelled dates and gives up past the horizon', () => {
    const now = new Date('2026-11-27T05:00:00Z');
    expect(nextSitting(monday1030, now, policy, new Set(['2026-11-30']))?.date).toBe('2026-12-07');
    const allCancelled = new Set(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21']);
    expect(nextSitting(monday1030, now, policy, allCancelled)).toBeUndefined();
    expect(horizonEnd(monday1030, now, policy)).toBe('2026-12-25');
  });

  it('reads today in the slot zone, not in UTC', () => {
    // 2026-11-29T20:00Z is already Monday 01:00 in Karachi.
    const sunday = { ...monday1030, day: 'sunday' as const };
    expect(nextSitting(sunday, new Date('2026-11-29T20:00:00Z'), policy, none)?.date).toBe(
      '2026-12-06',
    );
  });

  it('gives the New York sitting after spring forward its kept wall time', () => {
    const sunday0230 = {
      day: 'sunday' as const,
      start: '02:30',
      timeZone: 'America/New_York',
      durationMinutes: 15,
      places: 4,
    };
    const next = nextSitting(sunday0230, new Date('2026-03-06T12:00:00Z'), policy, none);
    expect(next).toEqual({
      date: '2026-03-08',
      startsAt: new Date('2026-03-08T07:30:00Z'),
      endsAt: new Date('2026-03-08T08:30:00Z'),
    });
  });
});

describe('upcomingSittings', () => {
  it('lists the open dates up to today + 7 × horizonWeeks', () => {
    const dates = upcomingSittings(
      monday1030,
      new Date('2026-11-30T05:00:00Z'),
      policy,
      new Set(['2026-12-14']),
    ).map((s) => s.date);
    expect(dates).toEqual(['2026-11-30', '2026-12-07', '2026-12-21', '2026-12-28']);
  });

  it('is empty with a zero horizon once today has passed', () => {
    expect(
      upcomingSittings(
        monday1030,
        new Date('2026-11-30T06:00:00Z'),
        { cutoffMinutes: 0, horizonWeeks: 0 },
        none,
      ),
    ).toEqual([]);
  });
});
