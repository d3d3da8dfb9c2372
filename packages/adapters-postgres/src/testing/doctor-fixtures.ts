import type { DoctorId, UnitOfWork, Weekday } from '@doctorly/core';
import { writeDoctorFixtures } from '@doctorly/core/testing';
import type { SqlExecutor } from '../sql/sql-client.js';

/** A doctor named `name` (no specializations, qualifications or slots yet). */
export async function newDoctorNamed(uow: UnitOfWork, name: string, now: Date): Promise<DoctorId> {
  const [id] = await writeDoctorFixtures(uow, [{ name }], now);
  return id!;
}

/**
 * A slot written straight to the table on `db` (the pool or a transaction), so that tests of
 * what the database keeps in step (filter keys, cards) see its triggers alone at work.
 */
export function insertSlot(
  db: SqlExecutor,
  doctorId: DoctorId,
  day: Weekday,
  start = '10:00',
): Promise<unknown> {
  return db.query(
    `INSERT INTO slots (doctor_id, day, start, duration_minutes, places, fee, time_zone, created_at)
     VALUES ($1, $2, $3, 10, 1, 100, 'UTC', now())`,
    [doctorId, day, start],
  );
}
