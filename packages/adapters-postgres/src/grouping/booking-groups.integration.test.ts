import {
  DomainError,
  isDomainError,
  type AppointmentDetails,
  type DomainEvent,
  type SittingBookingRequest,
} from '@doctorly/core';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresUnitOfWork } from '../postgres-unit-of-work.js';
import type { SqlClient } from '../sql/sql-client.js';
import { bookingInstant, patientsOfDistinctUsers, sittingWithPlaces } from '../testing/fixtures.js';
import { openTestAdapters, type TestAdapters } from '../testing/test-adapters.js';

// Grouping happens on a PostgreSQL server only (PGlite books one by one), so this file needs
// DATABASE_URL; the contract suite checks the outcomes on every engine.
if (!hasRealPostgres())
  console.warn(
    'group commit of bookings: no DATABASE_URL, skipped (grouping needs a PostgreSQL server)',
  );
const events = ({ appointment }: AppointmentDetails): readonly DomainEvent[] => [
  {
    type: 'appointment.changed',
    appointmentId: appointment.id,
    doctorId: appointment.doctorId,
    sittingId: appointment.sittingId,
    patientId: appointment.patientId,
    ownerId: appointment.bookedBy,
  },
];

/** The real client, counting the transactions it opens; `afterCommit` may fail one after it committed. */
function counted(sql: SqlClient, afterCommit: (n: number) => Error | undefined = () => undefined) {
  const counter = { transactions: 0 };
  const client: SqlClient = {
    engine: sql.engine,
    query: (text, params, options) => sql.query(text, params, options),
    script: (text) => sql.script(text),
    queryBeforeCommit: (text, params, options) => sql.queryBeforeCommit(text, params, options),
    close: () => Promise.resolve(),
    transaction: async (work) => {
      const n = (counter.transactions += 1);
      const result = await sql.transaction(work);
      const lost = afterCommit(n);
      if (lost) throw lost;
      return result;
    },
  };
  return { client, counter };
}

describe.skipIf(!hasRealPostgres())('group commit of bookings on PostgreSQL', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('server');
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  async function burst(uow: PostgresUnitOfWork, count: number, places = count) {
    const sitting = await sittingWithPlaces(adapters.uow, places);
    const patients = await patientsOfDistinctUsers(adapters.uow, count);
    const request = (p: { userId: number; patientId: number }): SittingBookingRequest => ({
      sitting: { ...sitting },
      patientId: p.patientId,
      bookedBy: p.userId,
      at: bookingInstant,
      idempotencyKey: null,
    });
    return {
      sitting,
      patients,
      request,
      book: (p: { userId: number; patientId: number }) =>
        uow.commitBooking(request(p), events, bookingInstant),
    };
  }

  const appointmentsOf = async (sittingId: number) =>
    (
      await adapters.sql.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM appointments WHERE sitting_id = $1',
        [sittingId],
      )
    )[0]!.n;

  it('commits a burst of 24 bookings in one transaction, each with its own place and events', async () => {
    const { client, counter } = counted(adapters.sql);
    const { sitting, patients, book } = await burst(new PostgresUnitOfWork(client), 24, 20);
    const outcomes = await Promise.allSettled(patients.map(book));
    expect(counter.transactions).toBe(1);
    const booked = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(booked.map((b) => b.details.appointment.queueNumber).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(
      outcomes.filter((o) => o.status === 'rejected' && isDomainError(o.reason, 'SITTING_FULL')),
    ).toHaveLength(4);
    expect(await appointmentsOf(sitting.id)).toBe(20);
    const [stored] = await adapters.sql.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM outbox WHERE event->>'sittingId' = $1`,
      [String(sitting.id)],
    );
    expect(stored!.n).toBe(20);
  });

  it('runs a group one by one when a booking in it fails, so only that booking fails', async () => {
    const { client, counter } = counted(adapters.sql);
    const { sitting, patients, book } = await burst(new PostgresUnitOfWork(client), 10, 11);
    const outcomes = await Promise.allSettled([
      ...patients.map(book),
      book({ userId: patients[0]!.userId, patientId: 2_000_000_000 }),
    ]);
    expect(outcomes.slice(0, 10).every((o) => o.status === 'fulfilled')).toBe(true);
    const unknown = outcomes[10]!;
    expect(
      unknown.status === 'rejected' && isDomainError(unknown.reason, 'PATIENT_NOT_FOUND'),
      String(unknown.status === 'rejected' && unknown.reason),
    ).toBe(true);
    expect(counter.transactions).toBe(1 + 11);
    expect(await appointmentsOf(sitting.id)).toBe(10);
  });

  it('runs a group one by one when the events of a booking in it cannot be made: that booking alone fails, uncommitted', async () => {
    const uow = new PostgresUnitOfWork(adapters.sql);
    const { sitting, patients, request } = await burst(uow, 6);
    const broken = (): readonly DomainEvent[] => {
      throw new Error('no events');
    };
    const outcomes = await Promise.allSettled(
      patients.map((p, i) =>
        uow.commitBooking(request(p), i === 2 ? broken : events, bookingInstant),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await appointmentsOf(sitting.id)).toBe(5);
    const [held] = await adapters.sql.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM appointments WHERE sitting_id = $1 AND patient_id = $2',
      [sitting.id, patients[2]!.patientId],
    );
    expect(held!.n).toBe(0);
  });

  it('never runs a group again when its connection is lost: every booking gets UNAVAILABLE, none is booked twice', async () => {
    const lost = new DomainError('UNAVAILABLE', 'Connection terminated unexpectedly');
    const { client, counter } = counted(adapters.sql, (n) => (n === 1 ? lost : undefined));
    const { sitting, patients, book } = await burst(new PostgresUnitOfWork(client), 8);
    const outcomes = await Promise.allSettled(patients.map(book));
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason === lost)).toBe(true);
    expect(counter.transactions).toBe(1);
    // The COMMIT had gone through: the bookings stand, once each (a retry would be refused or double them).
    expect(await appointmentsOf(sitting.id)).toBe(8);
  });

  it('reads booking contexts in groups, and reads alone the one a group cannot take', async () => {
    const { patients } = await burst(new PostgresUnitOfWork(adapters.sql), 6);
    const window = { from: '2026-01-01', to: '2026-12-31', earlier: null };
    const outcomes = await Promise.allSettled([
      ...patients.map((p) =>
        adapters.uow.read.appointments.bookingContext({
          patientId: p.patientId,
          slotId: 1,
          ...window,
        }),
      ),
      adapters.uow.read.appointments.bookingContext({ patientId: 2 ** 31, slotId: 1, ...window }), // not an integer to PostgreSQL
    ]);
    expect(
      outcomes
        .slice(0, 6)
        .map((o) => (o.status === 'fulfilled' ? o.value.patient?.id : 'rejected')),
    ).toEqual(patients.map((p) => p.patientId));
    expect(outcomes[6]!.status).toBe('rejected');
  });
});
