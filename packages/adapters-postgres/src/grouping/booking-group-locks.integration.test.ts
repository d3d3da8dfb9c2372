import type { SittingBookingRequest, Sitting } from '@doctorly/core';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookManyParams,
  bookManyStatement,
  type BookedManyRow,
} from '../repositories/booking-statements.js';
import { bookingInstant, sittingWithPlaces } from '../testing/fixtures.js';
import { openTestAdapters, type TestAdapters } from '../testing/test-adapters.js';

// The lock order of a group under claim limits (043's header): every booker's lock, ascending,
// before any sitting row. Without it, a group booking [user 2 → sitting X, user 1 → sitting Y]
// takes user 2, X, then waits for user 1, while a group booking [user 1 → X, …] holds user 1
// and waits for X: a deadlock, which PostgreSQL breaks by failing one of them (40P01). This
// calls the group function straight (the group commit would hide a deadlock by running the
// bookings again one by one) from many connections at once, and requires that none fails.
describe.skipIf(!hasRealPostgres())('lock order of grouped bookings with claim limits', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('server', { poolSize: 24 });
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  /** Two users (ascending ids) with `count` patients each. */
  const twoUsers = (count: number) =>
    adapters.uow.transaction(async (r) => {
      const users = [];
      for (const name of ['first', 'second']) {
        const user = await r.users.create({
          name,
          email: `${name}-${Math.random().toString(36).slice(2)}@example.test`,
          passwordHash: 'x',
          role: 'user',
          registeredAt: bookingInstant,
          confirmed: false,
        });
        const patients: number[] = [];
        for (let i = 0; i < count; i++) {
          const patient = await r.patients.create({
            ownerId: user.id,
            name: `P${i}`,
            age: 30,
            gender: 'other',
            symptoms: '',
            createdAt: bookingInstant,
          });
          patients.push(patient.id);
        }
        users.push({ id: user.id, patients });
      }
      return users;
    });

  const request = (sitting: Sitting, userId: number, patientId: number): SittingBookingRequest => ({
    sitting: { ...sitting },
    patientId,
    bookedBy: userId,
    at: bookingInstant,
    idempotencyKey: null,
    claimLimit: 1_000,
  });

  /** One group in its own transaction; its database error, if any. */
  const group = async (requests: SittingBookingRequest[]): Promise<unknown> => {
    try {
      await adapters.sql.transaction((tx) =>
        tx.query<BookedManyRow>(bookManyStatement, bookManyParams(requests)),
      );
      return undefined;
    } catch (error) {
      return error;
    }
  };

  it('never deadlocks: 12 pairs of groups crossing two users over two sittings, 5 rounds, every group commits', async () => {
    const pairs = 12;
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      // X before Y in the group's (slot, date) order: X's slot was created first.
      const x = await sittingWithPlaces(adapters.uow, 4 * pairs);
      const y = await sittingWithPlaces(adapters.uow, 4 * pairs);
      const [first, second] = await twoUsers(2 * pairs);
      const groups: SittingBookingRequest[][] = [];
      for (let i = 0; i < pairs; i++) {
        // The second user's booking in X comes first in this group; the first user's in the other.
        groups.push([
          request(x, second!.id, second!.patients[2 * i]!),
          request(y, first!.id, first!.patients[2 * i]!),
        ]);
        groups.push([
          request(x, first!.id, first!.patients[2 * i + 1]!),
          request(y, second!.id, second!.patients[2 * i + 1]!),
        ]);
      }
      const errors = (await Promise.all(groups.map(group))).filter((e) => e !== undefined);
      expect(errors.map(String)).toEqual([]);
      const [held] = await adapters.sql.query<{ x: number; y: number }>(
        `SELECT count(*) FILTER (WHERE sitting_id = $1)::integer AS x,
                count(*) FILTER (WHERE sitting_id = $2)::integer AS y
           FROM appointments WHERE sitting_id IN ($1, $2) AND status = 'booked'`,
        [x.id, y.id],
      );
      expect(held).toEqual({ x: 2 * pairs, y: 2 * pairs });
    }
  });
});
