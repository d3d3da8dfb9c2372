import type { Appointment, DoctorId } from '@doctorly/core';
import { describeUnitOfWorkContract, ManualClock } from '@doctorly/core/testing';
import { createTestDatabase, type TestDatabase } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAdapters, type PostgresAdapters } from './create-postgres-adapters.js';
import { loadMigrationSet, type MigrationReport } from './migrator.js';
import { bookingInstant, patientsOfDistinctUsers } from './testing/fixtures.js';
import { loadWave1Migrations, migrateAsWave1 } from './testing/wave-1-migrator.js';

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

/**
 * Data as wave-1 code wrote it, in wave-1 SQL: today's adapters read and write columns that
 * later versioned migrations add (0010), so they cannot write to a wave-1 schema. A doctor
 * with a specialization, a qualification and a rating (the derived columns the moved
 * triggers keep), and one booked appointment (by the wave-1 booking function).
 */
async function writeWave1Data(
  adapters: PostgresAdapters,
): Promise<{ doctorId: DoctorId; appointment: Appointment }> {
  const one = async <T>(text: string, params: unknown[]): Promise<T> =>
    (await adapters.sql.query<T>(text, params))[0]!;
  const at = bookingInstant;
  const user = await one<{ id: number }>(
    `INSERT INTO users (name, email, password_hash, registered_at) VALUES ('Ayesha Upgrade', 'ayesha.upgrade@example.com', 'x', $1) RETURNING id`,
    [at],
  );
  const doctor = await one<{ id: number }>(
    `INSERT INTO doctors (user_id, name, description, created_at) VALUES ($1, 'Ayesha Upgrade', 'wave 1', $2) RETURNING id`,
    [user.id, at],
  );
  await adapters.sql.script(`
    INSERT INTO specializations (name) VALUES ('cardiology') ON CONFLICT DO NOTHING;
    INSERT INTO qualifications (name) VALUES ('mbbs') ON CONFLICT DO NOTHING;
    INSERT INTO doctor_specializations SELECT ${doctor.id}, id FROM specializations WHERE name = 'cardiology';
    INSERT INTO doctor_qualifications (doctor_id, qualification_id, procurement_date, institute)
      SELECT ${doctor.id}, id, '2001-06-01', 'Dow' FROM qualifications WHERE name = 'mbbs';`);
  const slot = await one<{ id: number }>(
    `INSERT INTO slots (doctor_id, day, start, duration_minutes, places, fee, time_zone, created_at)
     VALUES ($1, 'monday', '10:00', 10, 2, 1, 'UTC', $2) RETURNING id`,
    [doctor.id, at],
  );
  const sitting = await one<{ id: number }>(
    `INSERT INTO sittings (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes)
     VALUES ($1, $2, '2026-01-12', '2026-01-12T10:00:00Z', '2026-01-12T10:20:00Z', 2, 10) RETURNING id`,
    [slot.id, doctor.id],
  );
  const patient = await one<{ id: number }>(
    `INSERT INTO patients (owner_id, name, age, gender, created_at) VALUES ($1, 'P', 30, 'female', $2) RETURNING id`,
    [user.id, at],
  );
  const booked = await one<{ o_id: number; o_queue_number: number }>(
    'SELECT * FROM book_appointment($1, $2, $3, $4, $5)',
    [sitting.id, patient.id, user.id, at, 'k-1'],
  );
  // A rated visit of another sitting, so the rating trigger's columns are kept too.
  const seen = await one<{ id: number }>(
    `INSERT INTO sittings (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes, status, booked)
     VALUES ($1, $2, '2026-01-05', '2026-01-05T10:00:00Z', '2026-01-05T10:20:00Z', 2, 10, 'completed', 1) RETURNING id`,
    [slot.id, doctor.id],
  );
  const visit = await one<{ id: number }>(
    `INSERT INTO appointments (sitting_id, slot_id, doctor_id, patient_id, queue_number, status, booked_by, booked_at)
     VALUES ($1, $2, $3, $4, 1, 'completed', $5, $6) RETURNING id`,
    [seen.id, slot.id, doctor.id, patient.id, user.id, at],
  );
  await adapters.sql.query(
    `INSERT INTO ratings (doctor_id, patient_id, appointment_id, stars, review, rated_by, created_at)
     VALUES ($1, $2, $3, 4, 'good', $4, $5)`,
    [doctor.id, patient.id, visit.id, user.id, at],
  );
  return {
    doctorId: doctor.id,
    appointment: {
      id: booked.o_id,
      sittingId: sitting.id,
      slotId: slot.id,
      doctorId: doctor.id,
      patientId: patient.id,
      queueNumber: booked.o_queue_number,
      rescheduledTo: null,
      status: 'booked',
      bookedBy: user.id,
      bookedAt: at,
      idempotencyKey: 'k-1',
      calledAt: null,
      completedAt: null,
    },
  };
}

describe('a wave-1 database upgraded in place', () => {
  let wave1: Wave1Database;
  let doctorId: DoctorId;
  let appointment: Appointment;
  let doctorBefore: unknown;
  let report: MigrationReport;
  beforeAll(async () => {
    wave1 = await wave1Database();
    ({ doctorId, appointment } = await writeWave1Data(wave1.adapters));
    doctorBefore = await doctorRow(wave1.adapters, doctorId);
    report = await wave1.adapters.migrate();
  });
  afterAll(async () => {
    await wave1?.dispose();
  });

  it('accepts every wave-1 versioned migration as applied and applies only the later ones', async () => {
    const { versioned } = await loadMigrationSet();
    const wave1Names = new Set((await loadWave1Migrations()).map((m) => m.name));
    expect([report.applied, report.alreadyApplied]).toEqual([
      versioned.filter((m) => !wave1Names.has(m.name)).map((m) => m.name),
      versioned.filter((m) => wave1Names.has(m.name)).map((m) => m.name),
    ]);
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
