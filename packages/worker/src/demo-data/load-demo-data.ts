import type { SqlClient } from '@doctorly/adapters-postgres';
import type { BookingPolicy } from '@doctorly/core';
import {
  insertDoctors,
  insertPatients,
  type DemoBooking,
  type StoredSitting,
} from './bulk-insert.js';
import { DemoGenerator, type CatalogEntry } from './generate.js';

/** Options of {@link loadDemoData}. @category Demo data */
export interface DemoDataOptions {
  readonly doctors: number;
  /** Faker seed: the same seed gives the same people (default 1). */
  readonly seed?: number;
  /** Rows of one kind per statement and transaction (default 1000). */
  readonly batchSize?: number;
  readonly now: Date;
  readonly policy: BookingPolicy;
  readonly timeZone: string;
  /** One precomputed hash for every demo account (hashing 10,000 passwords would take minutes). */
  readonly passwordHash: string;
  /** Share of patients booked into an upcoming sitting (default 0.6). */
  readonly bookingRate?: number;
  /** Called after every batch with the people inserted so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What {@link loadDemoData} inserted. @category Demo data */
export interface DemoDataSummary {
  readonly doctors: number;
  readonly slots: number;
  readonly sittings: number;
  readonly users: number;
  readonly patients: number;
  readonly appointments: number;
}

/**
 * Bulk-loads realistic demo data for demos and benchmarks: `doctors` doctors (specializations,
 * qualifications, 1–3 weekly slots and their sittings up to the booking horizon), half as
 * many users with 1–3 patients each, and bookings of those patients into upcoming sittings.
 * Batches of `batchSize` rows per multi-row statement, one transaction per batch. Appends a
 * `catalog.changed` event, whose relay drops every cached doctor list, then vacuums and
 * analyzes the tables. The search index is not touched: rebuild it afterwards when it lives
 * outside PostgreSQL.
 * @category Demo data
 */
export async function loadDemoData(
  sql: SqlClient,
  options: DemoDataOptions,
): Promise<DemoDataSummary> {
  const batchSize = options.batchSize ?? 1000;
  const [specializations, qualifications] = await Promise.all([
    sql.query<CatalogEntry>('SELECT id, name FROM specializations ORDER BY id'),
    sql.query<CatalogEntry>('SELECT id, name FROM qualifications ORDER BY id'),
  ]);
  if (specializations.length === 0 || qualifications.length === 0)
    throw new Error('The catalog is empty: run `doctorly seed` first.');
  const [{ base }] = (await sql.query<{ base: number }>(
    'SELECT coalesce(max(id), 0)::int AS base FROM users',
  )) as [{ base: number }];
  const generator = new DemoGenerator({
    seed: options.seed ?? 1,
    now: options.now,
    policy: options.policy,
    timeZone: options.timeZone,
    emailBase: base,
    specializations,
    qualifications,
  });
  const owners = Math.ceil(options.doctors / 2);
  const total = options.doctors + owners;
  const summary = { doctors: 0, slots: 0, sittings: 0, users: 0, patients: 0, appointments: 0 };
  const open: StoredSitting[] = [];

  for (let done = 0; done < options.doctors; done += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, options.doctors - done) }, () =>
      generator.doctor(),
    );
    const inserted = await sql.transaction((tx) =>
      insertDoctors(tx, batch, options.passwordHash, options.now),
    );
    summary.doctors += batch.length;
    summary.users += batch.length;
    summary.slots += inserted.slots;
    summary.sittings += inserted.sittings.length;
    open.push(...inserted.sittings);
    options.onProgress?.(summary.doctors, total);
  }

  const rate = options.bookingRate ?? 0.6;
  const book = (patients: number): DemoBooking[] => {
    const bookings: DemoBooking[] = [];
    for (let patientIndex = 0; patientIndex < patients && open.length > 0; patientIndex += 1) {
      if (!generator.chance(rate)) continue;
      const sitting = generator.pick(open);
      if (sitting.booked >= sitting.places) continue;
      sitting.booked += 1;
      bookings.push({ sitting, patientIndex, queueNumber: sitting.booked });
    }
    return bookings;
  };
  for (let done = 0; done < owners; done += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, owners - done) }, () =>
      generator.owner(),
    );
    const inserted = await sql.transaction((tx) =>
      insertPatients(tx, batch, options.passwordHash, options.now, book),
    );
    summary.users += batch.length;
    summary.patients += inserted.patients;
    summary.appointments += inserted.appointments;
    options.onProgress?.(options.doctors + done + batch.length, total);
  }
  await sql.query(`INSERT INTO outbox (event, created_at, available_at) VALUES ($1, $2, $2)`, [
    { type: 'catalog.changed' },
    options.now,
  ]);
  // Statistics of what was just loaded: autovacuum gets there only later, and until then the
  // planner guesses (62 rows for a weekday's 2,823 slots), so a benchmark that queries right
  // away gets poor plans. VACUUM also clears the row versions the triggers left behind on
  // `doctors` and marks pages all-visible (index-only scans). A few seconds at 10,000 doctors.
  await sql.query(`VACUUM (ANALYZE) ${loadedTables.join(', ')}`);
  return summary;
}

const loadedTables = [
  'users',
  'doctors',
  'doctor_specializations',
  'doctor_qualifications',
  'slots',
  'sittings',
  'patients',
  'appointments',
  'appointment_history',
  'outbox',
];
