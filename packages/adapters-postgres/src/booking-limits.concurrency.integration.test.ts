import {
  BookAppointment,
  defaultBookingLimits,
  isDomainError,
  RegisterPatient,
  type Actor,
  type BookingLimits,
} from '@doctorly/core';
import { RecordingOutboxPublisher } from '@doctorly/core/testing';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresUnitOfWork } from './postgres-unit-of-work.js';
import type { SqlClient } from './sql/sql-client.js';
import { newUser, sittingWithPlaces } from './testing/fixtures.js';
import { openTestAdapters, type TestAdapters } from './testing/test-adapters.js';

// MAX_ACTIVE_APPOINTMENTS_PER_USER and MAX_PATIENTS_PER_USER under 50 simultaneous requests of
// one user, through the use cases on a PostgreSQL server: one transaction per booking, and the
// group commit (several bookings in one transaction, ADR 0008) that the server uses by default.
// Counts are exact; a database error in any transaction (a deadlock, a serialization failure)
// is recorded and fails the test even when a retry would have hidden it.
const limits: BookingLimits = {
  ...defaultBookingLimits,
  maxActiveAppointmentsPerUser: 5,
  maxPatientsPerUser: 5,
};
const requests = 50;

/** The real client; records every transaction and every error a transaction threw. */
function watched(sql: SqlClient) {
  const seen = { transactions: 0, errors: [] as unknown[] };
  const client: SqlClient = {
    engine: sql.engine,
    query: (text, params, options) => sql.query(text, params, options),
    script: (text) => sql.script(text),
    queryBeforeCommit: (text, params, options) => sql.queryBeforeCommit(text, params, options),
    close: () => Promise.resolve(),
    transaction: async (work) => {
      seen.transactions += 1;
      try {
        return await sql.transaction(work);
      } catch (error) {
        // A refusal thrown inside a transaction is the use case's answer, not a database error.
        if (!isDomainError(error) || error.code === 'UNAVAILABLE') seen.errors.push(error);
        throw error;
      }
    },
  };
  return { client, seen };
}

/** How the settled requests ended: fulfilled, or the domain error's code (else the error). */
const outcomes = (settled: PromiseSettledResult<unknown>[]) =>
  settled.map((s) =>
    s.status === 'fulfilled' ? 'ok' : isDomainError(s.reason) ? s.reason.code : String(s.reason),
  );
const tally = (list: string[]) =>
  Object.fromEntries([...new Set(list)].map((k) => [k, list.filter((o) => o === k).length]));

describe.skipIf(!hasRealPostgres())(
  'booking policy limits under 50 concurrent requests of one user',
  () => {
    let adapters: TestAdapters;
    beforeAll(async () => {
      adapters = await openTestAdapters('server', { poolSize: 20 });
    });
    afterAll(async () => {
      await adapters?.dispose();
    });

    /** A user with one patient, and `count` slots of other doctors with a sitting on 2026-01-12. */
    async function world(count: number) {
      const sittings = [];
      for (let i = 0; i < count; i++) sittings.push(await sittingWithPlaces(adapters.uow, 3));
      const { actor, patientId } = await adapters.uow.transaction(async (r) => {
        const user = await newUser(r);
        const patient = await r.patients.create({
          ownerId: user.id,
          name: 'Zara',
          age: 7,
          gender: 'female',
          symptoms: '',
          createdAt: adapters.clock.now(),
        });
        const actor: Actor = { userId: user.id, role: 'user' };
        return { actor, patientId: patient.id };
      });
      return { sittings, actor, patientId };
    }

    const heldBy = async (userId: number) =>
      (
        await adapters.sql.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM appointments WHERE booked_by = $1 AND status = 'booked'`,
          [userId],
        )
      )[0]!.n;

    for (const grouped of [false, true]) {
      const path = grouped ? 'group commit' : 'one transaction per booking';
      it(`books exactly 5 of 50 (${path}), 45 get TOO_MANY_APPOINTMENTS, the database holds 5`, async () => {
        adapters.clock.set('2026-01-05T09:00:00.000Z');
        const { client, seen } = watched(adapters.sql);
        const uow = new PostgresUnitOfWork(client, grouped ? {} : { bookingGroups: false });
        const book = new BookAppointment(
          uow,
          new RecordingOutboxPublisher(),
          adapters.clock,
          { horizonWeeks: 4, cutoffMinutes: 0 },
          limits,
        );
        const { sittings, actor, patientId } = await world(requests);
        const settled = await Promise.allSettled(
          sittings.map((s) =>
            book.execute(actor, { patient_id: patientId, slot_id: s.slotId, date: '2026-01-12' }),
          ),
        );
        expect(tally(outcomes(settled))).toEqual({ ok: 5, TOO_MANY_APPOINTMENTS: 45 });
        expect(await heldBy(actor.userId)).toBe(5);
        expect(seen.errors.map(String)).toEqual([]);
        // The group path really grouped: fewer transactions than bookings.
        if (grouped) expect(seen.transactions).toBeLessThan(requests);
        else expect(seen.transactions).toBe(requests);
      });
    }

    it('books exactly 5 per user when three users send 50 each at once (group commit, users and sittings crossing)', async () => {
      adapters.clock.set('2026-01-05T09:00:00.000Z');
      const { client, seen } = watched(adapters.sql);
      const uow = new PostgresUnitOfWork(client);
      const book = new BookAppointment(
        uow,
        new RecordingOutboxPublisher(),
        adapters.clock,
        { horizonWeeks: 4, cutoffMinutes: 0 },
        limits,
      );
      const { sittings, actor: a, patientId: pa } = await world(requests);
      const others = await Promise.all([world(0), world(0)]);
      const users = [{ actor: a, patientId: pa }, ...others];
      // Every user asks for every sitting, interleaved, so a group holds several users' bookings
      // of the same sittings in opposite orders.
      const settled = await Promise.allSettled(
        sittings.flatMap((s, i) =>
          (i % 2 === 0 ? users : [...users].reverse()).map((u) =>
            book
              .execute(u.actor, { patient_id: u.patientId, slot_id: s.slotId, date: '2026-01-12' })
              .then(() => u.actor.userId),
          ),
        ),
      );
      expect(tally(outcomes(settled))).toEqual({ ok: 15, TOO_MANY_APPOINTMENTS: 135 });
      for (const u of users) expect(await heldBy(u.actor.userId)).toBe(5);
      expect(seen.errors.map(String)).toEqual([]);
    });

    it('registers exactly 5 of 50 patients, 45 get TOO_MANY_PATIENTS, the database holds 5', async () => {
      const { client, seen } = watched(adapters.sql);
      const register = new RegisterPatient(
        new PostgresUnitOfWork(client),
        new RecordingOutboxPublisher(),
        adapters.clock,
        limits,
      );
      const user = await adapters.uow.transaction((r) => newUser(r));
      const actor: Actor = { userId: user.id, role: 'user' };
      const settled = await Promise.allSettled(
        Array.from({ length: requests }, (_, i) =>
          register.execute(actor, { name: `Child ${i}`, age: 5, gender: 'other' }),
        ),
      );
      expect(tally(outcomes(settled))).toEqual({ ok: 5, TOO_MANY_PATIENTS: 45 });
      const [owned] = await adapters.sql.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM patients WHERE owner_id = $1',
        [user.id],
      );
      expect(owned!.n).toBe(5);
      expect(seen.errors.map(String)).toEqual([]);
    });
  },
);
