import type { Appointment, DoctorId } from '@doctorly/core';
import {
  describeUnitOfWorkContract,
  ManualClock,
  writeDoctorFixtures,
} from '@doctorly/core/testing';
import { createTestDatabase, type TestDatabase } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAdapters, type PostgresAdapters } from './create-postgres-adapters.js';
import { loadMigrationSet, type MigrationReport } from './migrator.js';
import { bookingInstant, patientsOfDistinctUsers, sittingWithPlaces } from './testing/fixtures.js';
import { migrateAsWave1 } from './testing/wave-1-migrator.js';

interface Wave1Database {
  readonly db: TestDatabase;
  readonly adapters: PostgresAdapters;
  dispose(): Promise<void>;
}

/** A database made by the wave-1 migrator and migrations, as every database before ADR 0011. */
async function wave1Database(): Promise<Wave1Database> {
  const db = await createTestDatabase();
  const config = db.kind === 'postgres' ? { url: db.url, poolSize: 10 } : { dataDir: db.dataDir };
  const adapters = await createPostgresAdapters(config, new ManualClock());
  await migrateAsWave1(adapters.sql);
  return {
    db,
    adapters,
    dispose: async () => {
      await adapters.close();
      await db.dispose();
    },
  };
}

// The derived columns that the moved functions and triggers keep, read as text to compare.
const doctorRow = (adapters: PostgresAdapters, id: DoctorId) =>
  adapters.sql.query(
    `SELECT name, name_keys, filter_keys, card::text AS card, earliest_qualification, rating_sum, rating_count
     FROM doctors WHERE id = $1`,
    [id],
  );

describe('a wave-1 database upgraded in place', () => {
  let wave1: Wave1Database;
  let doctorId: DoctorId;
  let appointment: Appointment;
  let doctorBefore: unknown;
  let report: MigrationReport;
  beforeAll(async () => {
    wave1 = await wave1Database();
    const { uow } = wave1.adapters;
    [doctorId] = (await writeDoctorFixtures(
      uow,
      [
        {
          name: 'Ayesha Upgrade',
          specializations: ['cardiology'],
          days: ['monday'],
          ratings: [4],
          qualifications: [{ name: 'mbbs', procurementDate: '2001-06-01' }],
        },
      ],
      bookingInstant,
    )) as [DoctorId];
    const sitting = await sittingWithPlaces(uow, 2);
    const [patient] = await patientsOfDistinctUsers(uow, 1);
    appointment = await uow.transaction((r) =>
      r.appointments.book({
        sittingId: sitting.id,
        patientId: patient!.patientId,
        bookedBy: patient!.userId,
        at: bookingInstant,
        idempotencyKey: 'k-1',
      }),
    );
    doctorBefore = await doctorRow(wave1.adapters, doctorId);
    report = await wave1.adapters.migrate();
  });
  afterAll(async () => {
    await wave1?.dispose();
  });

  it('accepts every wave-1 versioned migration as applied and applies no versioned one', async () => {
    const { versioned } = await loadMigrationSet();
    expect([report.applied, report.alreadyApplied]).toEqual([[], versioned.map((m) => m.name)]);
  });

  it('applies and records every repeatable', async () => {
    const { repeatable } = await loadMigrationSet();
    expect(report.repeatables.applied).toEqual(repeatable.map((r) => r.name));
    const recorded = await wave1.adapters.sql.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_repeatables',
    );
    expect(new Map(recorded.map((r) => [r.name, r.checksum]))).toEqual(
      new Map(repeatable.map((r) => [r.name, r.checksum])),
    );
  });

  it('keeps the appointment and the sitting count as they were', async () => {
    expect(await wave1.adapters.uow.read.appointments.findById(appointment.id)).toEqual(
      appointment,
    );
    expect(await wave1.adapters.uow.read.sittings.findById(appointment.sittingId)).toMatchObject({
      booked: 1,
    });
  });

  it("keeps the doctor's derived columns (name keys, filter keys, card, sort keys) as they were", async () => {
    expect(await doctorRow(wave1.adapters, doctorId)).toEqual(doctorBefore);
  });

  it('books on the upgraded database with the next queue number', async () => {
    const [patient] = await patientsOfDistinctUsers(wave1.adapters.uow, 1);
    const next = await wave1.adapters.uow.transaction((r) =>
      r.appointments.book({
        sittingId: appointment.sittingId,
        patientId: patient!.patientId,
        bookedBy: patient!.userId,
        at: bookingInstant,
        idempotencyKey: null,
      }),
    );
    expect(next.queueNumber).toBe(2);
  });

  it('does nothing when migrated again', async () => {
    const again = await wave1.adapters.migrate();
    expect([again.applied, again.repeatables.applied]).toEqual([[], []]);
  });
});

describeUnitOfWorkContract(
  'PostgresUnitOfWork on a wave-1 database upgraded in place',
  async () => {
    const wave1 = await wave1Database();
    await wave1.adapters.migrate();
    return { uow: wave1.adapters.uow, outbox: wave1.adapters.outbox, close: () => wave1.dispose() };
  },
);
