import { isDomainError, type DomainErrorCode } from '@doctorly/core';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresUnitOfWork } from '../postgres-unit-of-work.js';
import {
  bookingInstant as at,
  newUser,
  patientsOfDistinctUsers,
  sittingWithPlaces,
} from '../testing/fixtures.js';
import { openTestAdapters, type Engine, type TestAdapters } from '../testing/test-adapters.js';
import { PgPoolSqlClient } from './pg-pool-client.js';
import { PGliteSqlClient } from './pglite-client.js';

async function codeOf(
  promise: Promise<unknown>,
): Promise<DomainErrorCode | 'not a domain error' | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
}

for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  describe(`bad data surfaces as domain errors on ${engine}`, () => {
    let adapters: TestAdapters;
    beforeAll(async () => {
      adapters = await openTestAdapters(engine);
    });
    afterAll(async () => {
      await adapters?.dispose();
    });

    it('maps CHECK, foreign-key and unique violations to the matching codes', async () => {
      const { read } = adapters.uow;
      const owner = await newUser(read);
      const doctorUser = await newUser(read);
      const doctor = await read.doctors.create({
        userId: doctorUser.id,
        description: '',
        image: null,
        createdAt: at,
      });
      const patient = {
        ownerId: owner.id,
        name: 'P',
        age: 30,
        gender: 'other' as const,
        symptoms: '',
        createdAt: at,
      };
      const slot = {
        doctorId: doctor.id,
        day: 'monday' as const,
        start: '23:00',
        durationMinutes: 10,
        places: 7,
        fee: 1,
        timeZone: 'UTC',
        createdAt: at,
      };

      expect(await codeOf(read.patients.create({ ...patient, age: 200 }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await codeOf(read.patients.create({ ...patient, ownerId: 987_654 }))).toBe(
        'USER_NOT_FOUND',
      );
      expect(await codeOf(read.slots.create(slot))).toBe('VALIDATION_FAILED'); // would end after midnight
      expect(await codeOf(read.slots.create({ ...slot, start: '25:00' }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await codeOf(read.slots.create({ ...slot, start: '10:00', doctorId: 987_654 }))).toBe(
        'DOCTOR_NOT_FOUND',
      );
      expect(await codeOf(read.slots.create({ ...slot, start: '22:00', places: 6 }))).toBe(
        'resolved',
      ); // ends at 23:00
      expect(
        await codeOf(read.slots.create({ ...slot, start: '22:50', durationMinutes: 1, places: 1 })),
      ).toBe('SLOT_OVERLAP');
      expect(await codeOf(read.doctors.addSpecializations(doctor.id, [987_654]))).toBe(
        'SPECIALIZATION_NOT_FOUND',
      );
      expect(
        await codeOf(
          read.doctors.create({
            userId: doctorUser.id,
            description: '',
            image: null,
            createdAt: at,
          }),
        ),
      ).toBe('ALREADY_A_DOCTOR');
      expect(
        await codeOf(
          read.doctors.create({ userId: 987_654, description: '', image: null, createdAt: at }),
        ),
      ).toBe('USER_NOT_FOUND');
      expect(await codeOf(read.users.create({ ...owner, email: owner.email.toUpperCase() }))).toBe(
        'EMAIL_TAKEN',
      );

      const sitting = await sittingWithPlaces(adapters.uow, 2);
      const booking = {
        sittingId: sitting.id,
        patientId: 987_654,
        bookedBy: owner.id,
        at,
        idempotencyKey: null,
      };
      expect(await codeOf(read.appointments.book(booking))).toBe('PATIENT_NOT_FOUND');
      const [holder] = await patientsOfDistinctUsers(adapters.uow, 1);
      const appointment = await read.appointments.book({
        ...booking,
        patientId: holder!.patientId,
        bookedBy: holder!.userId,
      });
      const rating = {
        doctorId: sitting.doctorId,
        patientId: holder!.patientId,
        appointmentId: appointment.id,
        stars: 5 as const,
        review: '',
        ratedBy: holder!.userId,
        createdAt: at,
      };
      expect(await codeOf(read.ratings.create({ ...rating, stars: 9 as 5 }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await codeOf(read.ratings.create({ ...rating, appointmentId: 987_654 }))).toBe(
        'APPOINTMENT_NOT_FOUND',
      );
      expect(await codeOf(read.ratings.create(rating))).toBe('resolved');
      expect(await codeOf(read.ratings.create(rating))).toBe('ALREADY_RATED');
    });

    it('keeps the invariants against raw SQL too', async () => {
      const sitting = await sittingWithPlaces(adapters.uow, 2);
      expect(
        await codeOf(
          adapters.sql.query('UPDATE sittings SET booked = places + 1 WHERE id = $1', [sitting.id]),
        ),
      ).toBe('SITTING_FULL');
      expect(
        await codeOf(
          adapters.sql.query(`UPDATE sittings SET status = 'open' WHERE id = $1`, [sitting.id]),
        ),
      ).toBe('VALIDATION_FAILED');
      const [a, b] = await patientsOfDistinctUsers(adapters.uow, 2);
      const insert = (who: { userId: number; patientId: number }, queue: number) =>
        adapters.sql.query(
          `INSERT INTO appointments (sitting_id, slot_id, doctor_id, patient_id, queue_number, booked_by, booked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [sitting.id, sitting.slotId, sitting.doctorId, who.patientId, queue, who.userId, at],
        );
      expect(await codeOf(insert(a!, 1))).toBe('resolved');
      expect(await codeOf(insert(b!, 1))).toBe('SITTING_FULL'); // queue number taken
      expect(await codeOf(insert(a!, 2))).toBe('ALREADY_BOOKED');
      expect(await codeOf(adapters.sql.query('SELECT no_such_column FROM users'))).toBe(
        'not a domain error',
      );
    });
  });
}

describe('an unavailable database is UNAVAILABLE', () => {
  it('on PGlite once it is closed', async () => {
    const sql = await PGliteSqlClient.open('memory://');
    await sql.close();
    expect(await codeOf(sql.query('SELECT 1'))).toBe('UNAVAILABLE');
    expect(await codeOf(new PostgresUnitOfWork(sql).transaction((r) => r.users.findById(1)))).toBe(
      'UNAVAILABLE',
    );
  });

  it('on a server nobody listens on', async () => {
    const sql = new PgPoolSqlClient({ url: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      expect(await codeOf(sql.query('SELECT 1'))).toBe('UNAVAILABLE');
      expect(
        await codeOf(new PostgresUnitOfWork(sql).transaction((r) => r.users.findById(1))),
      ).toBe('UNAVAILABLE');
    } finally {
      await sql.close();
    }
  });
});

describe.skipIf(!hasRealPostgres())('connection loss and conflicts on PostgreSQL', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('server', { poolSize: 4 });
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  it('reports a connection terminated by the server (admin shutdown) as UNAVAILABLE, and the pool recovers', async () => {
    const outcome = codeOf(
      adapters.uow.transaction(async (r) => {
        const [me] = await adapters.sql.query<{ pid: number }>('SELECT 1'); // the pool still answers
        expect(me).toBeDefined();
        const [backend] = await (
          r.users as unknown as { db: { query<T>(t: string): Promise<T[]> } }
        ).db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await adapters.sql.query('SELECT pg_terminate_backend($1)', [backend!.pid]);
        return r.users.findById(1);
      }),
    );
    expect(await outcome).toBe('UNAVAILABLE');
    expect(await adapters.sql.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('runs a transaction again after a deadlock, and gives up with UNAVAILABLE when told to', async () => {
    const [a, b] = await Promise.all([newUser(adapters.uow.read), newUser(adapters.uow.read)]);
    const race = async (uow: PostgresUnitOfWork) => {
      let runs = 0;
      let arrived = 0;
      let release!: () => void;
      const bothLocked = new Promise<void>((resolve) => (release = resolve));
      const crossing = (first: number, second: number) =>
        uow.transaction(async (r) => {
          runs += 1;
          await r.users.setRole(first, 'user');
          if (++arrived === 2) release();
          await bothLocked;
          await r.users.setRole(second, 'user');
        });
      const outcomes = await Promise.all([
        codeOf(crossing(a.id, b.id)),
        codeOf(crossing(b.id, a.id)),
      ]);
      return { outcomes, runs };
    };
    const retried = await race(adapters.uow);
    expect(retried.outcomes).toEqual(['resolved', 'resolved']);
    expect(retried.runs).toBe(3);
    const once = await race(new PostgresUnitOfWork(adapters.sql, { attempts: 1 }));
    expect(once.outcomes.sort()).toEqual(['UNAVAILABLE', 'resolved']);
  });
});
