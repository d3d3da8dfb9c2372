import { describe, expect, it } from 'vitest';
import { expectedTime, isBookingOpen, isSlotDate, sittingTimes } from './sitting-times.js';
import { localDateOf, zonedInstant } from './wall-clock.js';

const slot = (start: string, timeZone: string) => ({
  start,
  timeZone,
  durationMinutes: 10,
  places: 6,
});
const startsAt = (start: string, timeZone: string, date: string) =>
  sittingTimes(slot(start, timeZone), date).startsAt.toISOString();

describe('sittingTimes across DST changes (RFC 5545)', () => {
  it('keeps 10:30 local on both sides of a change', () => {
    expect(startsAt('10:30', 'America/New_York', '2026-03-07')).toBe('2026-03-07T15:30:00.000Z');
    expect(startsAt('10:30', 'America/New_York', '2026-03-09')).toBe('2026-03-09T14:30:00.000Z');
    expect(startsAt('10:30', 'Europe/London', '2026-03-28')).toBe('2026-03-28T10:30:00.000Z');
    expect(startsAt('10:30', 'Europe/London', '2026-03-30')).toBe('2026-03-30T09:30:00.000Z');
  });

  it('reads a start in the New York spring-forward gap with the offset before it: 02:30 → 03:30 EDT', () => {
    expect(startsAt('02:30', 'America/New_York', '2026-03-08')).toBe('2026-03-08T07:30:00.000Z');
    expect(startsAt('02:00', 'America/New_York', '2026-03-08')).toBe('2026-03-08T07:00:00.000Z');
    expect(startsAt('03:00', 'America/New_York', '2026-03-08')).toBe('2026-03-08T07:00:00.000Z');
    expect(startsAt('01:59', 'America/New_York', '2026-03-08')).toBe('2026-03-08T06:59:00.000Z');
  });

  it('takes the first occurrence of an ambiguous New York fall-back start: 01:30 → 01:30 EDT = 05:30Z', () => {
    expect(startsAt('01:30', 'America/New_York', '2026-11-01')).toBe('2026-11-01T05:30:00.000Z');
    expect(startsAt('01:00', 'America/New_York', '2026-11-01')).toBe('2026-11-01T05:00:00.000Z');
    expect(startsAt('02:00', 'America/New_York', '2026-11-01')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles the half-hour DST of Lord Howe Island (+10:30 / +11)', () => {
    // 2026-10-04 02:00 → 02:30: 02:15 does not exist and lands at 02:45 +11.
    expect(startsAt('02:15', 'Australia/Lord_Howe', '2026-10-04')).toBe('2026-10-03T15:45:00.000Z');
    expect(startsAt('02:30', 'Australia/Lord_Howe', '2026-10-04')).toBe('2026-10-03T15:30:00.000Z');
    // 2026-04-05 02:00 → 01:30: 01:45 happens twice; the first is at +11.
    expect(startsAt('01:45', 'Australia/Lord_Howe', '2026-04-05')).toBe('2026-04-04T14:45:00.000Z');
    expect(startsAt('02:00', 'Australia/Lord_Howe', '2026-04-05')).toBe('2026-04-04T15:30:00.000Z');
  });

  it('handles odd fixed and DST offsets: Kathmandu +5:45, Chatham +12:45/+13:45, St Johns −3:30/−2:30', () => {
    expect(startsAt('10:30', 'Asia/Kathmandu', '2026-03-08')).toBe('2026-03-08T04:45:00.000Z');
    expect(startsAt('00:00', 'Asia/Kathmandu', '2026-01-01')).toBe('2025-12-31T18:15:00.000Z');
    // Chatham springs forward 2026-09-27 02:45 → 03:45.
    expect(startsAt('03:00', 'Pacific/Chatham', '2026-09-27')).toBe('2026-09-26T14:15:00.000Z');
    // …and falls back 2026-04-05 03:45 → 02:45: 03:00 first at +13:45.
    expect(startsAt('03:00', 'Pacific/Chatham', '2026-04-05')).toBe('2026-04-04T13:15:00.000Z');
    // St Johns springs forward 2026-03-08 02:00 → 03:00 (−3:30 → −2:30).
    expect(startsAt('02:30', 'America/St_Johns', '2026-03-08')).toBe('2026-03-08T06:00:00.000Z');
    expect(startsAt('10:30', 'Asia/Karachi', '2026-06-01')).toBe('2026-06-01T05:30:00.000Z');
  });

  it('ends duration × places of elapsed minutes later, even across a change', () => {
    const times = sittingTimes(
      { start: '01:00', timeZone: 'America/New_York', durationMinutes: 30, places: 4 },
      '2026-03-08',
    );
    expect(times).toEqual({
      date: '2026-03-08',
      startsAt: new Date('2026-03-08T06:00:00Z'),
      endsAt: new Date('2026-03-08T08:00:00Z'),
    });
  });

  it('refuses unknown zones and malformed dates and times', () => {
    expect(() => startsAt('10:30', 'Mars/Olympus', '2026-03-08')).toThrow(RangeError);
    expect(() => startsAt('10:30', 'UTC', '2026-02-30')).toThrow(RangeError);
    expect(() => startsAt('24:00', 'UTC', '2026-03-08')).toThrow(RangeError);
  });
});

describe('zonedInstant and localDateOf', () => {
  it('agree on the local date of a start', () => {
    expect(localDateOf(zonedInstant('2026-04-05', 0, 'Pacific/Chatham'), 'Pacific/Chatham')).toBe(
      '2026-04-05',
    );
    expect(localDateOf(new Date('2026-11-27T05:00:00Z'), 'America/New_York')).toBe('2026-11-27');
    expect(localDateOf(new Date('2026-11-27T04:59:00Z'), 'America/New_York')).toBe('2026-11-26');
  });
});

describe('isSlotDate, isBookingOpen, expectedTime', () => {
  it('matches the weekday of a date', () => {
    expect(isSlotDate({ day: 'monday' }, '2026-11-30')).toBe(true);
    expect(isSlotDate({ day: 'monday' }, '2026-12-01')).toBe(false);
    expect(isSlotDate({ day: 'sunday' }, '2026-11-29')).toBe(true);
  });

  it('closes the window cutoff minutes before the start, the boundary itself closed', () => {
    const start = new Date('2026-11-30T10:30:00Z');
    expect(isBookingOpen(start, new Date('2026-11-30T10:29:59.999Z'), 0)).toBe(true);
    expect(isBookingOpen(start, start, 0)).toBe(false);
    expect(isBookingOpen(start, new Date('2026-11-30T10:00:00Z'), 30)).toBe(false);
    expect(isBookingOpen(start, new Date('2026-11-30T09:59:59.999Z'), 30)).toBe(true);
  });

  it('spaces queue numbers by the duration', () => {
    const start = new Date('2026-11-30T10:30:00Z');
    expect(expectedTime(start, 10, 1)).toEqual(start);
    expect(expectedTime(start, 10, 4)).toEqual(new Date('2026-11-30T11:00:00Z'));
  });
});
