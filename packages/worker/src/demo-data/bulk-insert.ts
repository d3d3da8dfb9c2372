import type { SqlExecutor } from '@doctorly/adapters-postgres';
import type { DemoDoctor, DemoPatientOwner } from './generate.js';

/**
 * Multi-row inserts of demo data: one `INSERT … SELECT FROM unnest($1::type[], …)` per table
 * and batch, so 10,000 doctors take a few dozen statements instead of 100,000 round trips.
 * This SQL knows the schema (packages/adapters-postgres/migrations); it is demo tooling, not
 * a port adapter.
 */

/** A stored sitting a demo booking can go to. */
export interface StoredSitting {
  readonly id: number;
  readonly slotId: number;
  readonly doctorId: number;
  readonly places: number;
  booked: number;
}

/** Inserts `users` sharing one password hash; returns their ids by email. */
async function insertUsers(
  tx: SqlExecutor,
  users: readonly { name: string; email: string }[],
  passwordHash: string,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await tx.query<{ id: number; email: string }>(
    `INSERT INTO users (name, email, password_hash, role, registered_at, confirmed)
     SELECT u.name, u.email, $3, 'user', $4, true FROM unnest($1::text[], $2::text[]) AS u(name, email)
     RETURNING id, email`,
    [users.map((u) => u.name), users.map((u) => u.email), passwordHash, now],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Inserts one batch of doctors with their users, catalog links, slots and upcoming sittings. */
export async function insertDoctors(
  tx: SqlExecutor,
  doctors: readonly DemoDoctor[],
  passwordHash: string,
  now: Date,
): Promise<{ slots: number; sittings: StoredSitting[] }> {
  // The search filter keys of `doctors` once per doctor after all three tables, instead of a
  // rewrite of every doctor row per table (migrations/0006_search_filters.sql).
  await tx.query(`SET LOCAL doctorly.defer_filter_keys = 'on'`);
  const userIds = await insertUsers(tx, doctors, passwordHash, now);
  const userIdOf = (d: DemoDoctor): number => userIds.get(d.email)!;
  const doctorRows = await tx.query<{ id: number; user_id: number }>(
    `INSERT INTO doctors (user_id, name, description, created_at)
     SELECT d.user_id, d.name, d.description, $4 FROM unnest($1::int[], $2::text[], $3::text[]) AS d(user_id, name, description)
     RETURNING id, user_id`,
    [doctors.map(userIdOf), doctors.map((d) => d.name), doctors.map((d) => d.description), now],
  );
  const doctorIdByUser = new Map(doctorRows.map((r) => [r.user_id, r.id]));
  const withIds = doctors.map((d) => ({ d, id: doctorIdByUser.get(userIdOf(d))! }));

  const specs = withIds.flatMap(({ d, id }) => d.specializationIds.map((s) => [id, s] as const));
  await tx.query(
    `INSERT INTO doctor_specializations (doctor_id, specialization_id) SELECT * FROM unnest($1::int[], $2::int[])`,
    [specs.map((s) => s[0]), specs.map((s) => s[1])],
  );
  const quals = withIds.flatMap(({ d, id }) =>
    d.qualifications.map((q) => ({ doctorId: id, ...q })),
  );
  await tx.query(
    `INSERT INTO doctor_qualifications (doctor_id, qualification_id, procurement_date, institute)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::text[])`,
    [
      quals.map((q) => q.doctorId),
      quals.map((q) => q.id),
      quals.map((q) => q.date),
      quals.map((q) => q.institute),
    ],
  );
  const slots = withIds.flatMap(({ d, id }) => d.slots.map((s) => ({ doctorId: id, ...s })));
  const slotRows = await tx.query<{ id: number; doctor_id: number; day: string }>(
    `INSERT INTO slots (doctor_id, day, start, duration_minutes, places, fee, time_zone, created_at)
     SELECT s.*, $8 FROM unnest($1::int[], $2::text[], $3::time[], $4::int[], $5::int[], $6::float8[], $7::text[])
       AS s(doctor_id, day, start, duration_minutes, places, fee, time_zone)
     RETURNING id, doctor_id, day`,
    [
      slots.map((s) => s.doctorId),
      slots.map((s) => s.day),
      slots.map((s) => s.start),
      slots.map((s) => s.durationMinutes),
      slots.map((s) => s.places),
      slots.map((s) => s.fee),
      slots.map((s) => s.timeZone),
      now,
    ],
  );
  await tx.query('SELECT doctors_refresh_filter_keys($1::integer[])', [
    doctorRows.map((r) => r.id),
  ]);
  const slotId = new Map(slotRows.map((r) => [`${r.doctor_id}:${r.day}`, r.id]));
  const sittings = slots.flatMap((s) =>
    s.sittings.map((t) => ({ slotId: slotId.get(`${s.doctorId}:${s.day}`)!, s, t })),
  );
  const sittingRows = await tx.query<{
    id: number;
    slot_id: number;
    doctor_id: number;
    places: number;
  }>(
    `INSERT INTO sittings (slot_id, doctor_id, date, starts_at, ends_at, places, duration_minutes)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[])
     RETURNING id, slot_id, doctor_id, places`,
    [
      sittings.map((x) => x.slotId),
      sittings.map((x) => x.s.doctorId),
      sittings.map((x) => x.t.date),
      sittings.map((x) => x.t.startsAt),
      sittings.map((x) => x.t.endsAt),
      sittings.map((x) => x.s.places),
      sittings.map((x) => x.s.durationMinutes),
    ],
  );
  return {
    slots: slotRows.length,
    sittings: sittingRows.map((r) => ({
      id: r.id,
      slotId: r.slot_id,
      doctorId: r.doctor_id,
      places: r.places,
      booked: 0,
    })),
  };
}

/** A booking decided in memory: the queue number is the sitting's next free place. */
export interface DemoBooking {
  readonly sitting: StoredSitting;
  readonly patientIndex: number;
  readonly queueNumber: number;
}

/**
 * Inserts one batch of patient owners and their patients, then the bookings `book` picks
 * for them (each with its `booked` history entry, and the sittings' places updated).
 */
export async function insertPatients(
  tx: SqlExecutor,
  owners: readonly DemoPatientOwner[],
  passwordHash: string,
  now: Date,
  book: (patients: number) => DemoBooking[],
): Promise<{ patients: number; appointments: number }> {
  const userIds = await insertUsers(tx, owners, passwordHash, now);
  const patients = owners.flatMap((o) =>
    o.patients.map((p) => ({ ownerId: userIds.get(o.email)!, ...p })),
  );
  const patientRows = await tx.query<{ id: number; owner_id: number }>(
    `INSERT INTO patients (owner_id, name, age, gender, symptoms, created_at)
     SELECT p.*, $6 FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[]) AS p(owner_id, name, age, gender, symptoms)
     RETURNING id, owner_id`,
    [
      patients.map((p) => p.ownerId),
      patients.map((p) => p.name),
      patients.map((p) => p.age),
      patients.map((p) => p.gender),
      patients.map((p) => p.symptoms),
      now,
    ],
  );
  const bookings = book(patientRows.length);
  if (bookings.length === 0) return { patients: patientRows.length, appointments: 0 };
  const appointmentRows = await tx.query<{ id: number; booked_by: number }>(
    `INSERT INTO appointments (sitting_id, slot_id, doctor_id, patient_id, queue_number, status, booked_by, booked_at)
     SELECT a.sitting_id, a.slot_id, a.doctor_id, a.patient_id, a.queue_number, 'booked', a.booked_by, $7
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[])
       AS a(sitting_id, slot_id, doctor_id, patient_id, queue_number, booked_by)
     RETURNING id, booked_by`,
    [
      bookings.map((b) => b.sitting.id),
      bookings.map((b) => b.sitting.slotId),
      bookings.map((b) => b.sitting.doctorId),
      bookings.map((b) => patientRows[b.patientIndex]!.id),
      bookings.map((b) => b.queueNumber),
      bookings.map((b) => patientRows[b.patientIndex]!.owner_id),
      now,
    ],
  );
  await tx.query(
    `INSERT INTO appointment_history (appointment_id, status, actor_id, at)
     SELECT h.id, 'booked', h.actor, $3 FROM unnest($1::int[], $2::int[]) AS h(id, actor)`,
    [appointmentRows.map((r) => r.id), appointmentRows.map((r) => r.booked_by), now],
  );
  const perSitting = new Map<number, number>();
  for (const b of bookings) perSitting.set(b.sitting.id, (perSitting.get(b.sitting.id) ?? 0) + 1);
  await tx.query(
    `UPDATE sittings s SET booked = s.booked + d.n FROM unnest($1::int[], $2::int[]) AS d(id, n) WHERE s.id = d.id`,
    [[...perSitting.keys()], [...perSitting.values()]],
  );
  return { patients: patientRows.length, appointments: appointmentRows.length };
}
