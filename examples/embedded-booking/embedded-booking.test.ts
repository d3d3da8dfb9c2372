import { describe, expect, it } from 'vitest';
import { capturesOf, runExample } from '../run-example.js';

describe('examples/embedded-booking', () => {
  it('books three patients into one sitting with queue numbers 1, 2, 3, ten minutes apart', async () => {
    const { stdout } = await runExample('embedded-booking');
    const booked = capturesOf(
      stdout,
      /^Booked (\w+): sitting (\S+), queue number (\d+), expected at (\S+)$/gm,
    );
    expect(booked.map(([name]) => name)).toEqual(['Bilal', 'Sana', 'Omar']);
    expect(booked.map(([, , queue]) => Number(queue))).toEqual([1, 2, 3]);
    const [date] = booked[0]!.slice(1);
    expect(new Set(booked.map(([, d]) => d))).toEqual(new Set([date]));
    expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(1); // the slot is on Mondays
    const times = booked.map(([, , , at]) => Date.parse(at!));
    expect(new Date(times[0]!).toISOString()).toBe(`${date}T10:30:00.000Z`);
    expect([times[1]! - times[0]!, times[2]! - times[1]!]).toEqual([600_000, 600_000]);
    // Read through the cache before and after the bookings: invalidated, not stale.
    expect(
      capturesOf(stdout, /^Next sitting of slot 1: (\S+), (\d+) of 10 places booked$/gm),
    ).toEqual([
      [date, '0'],
      [date, '3'],
    ]);
  }, 180_000);
});
