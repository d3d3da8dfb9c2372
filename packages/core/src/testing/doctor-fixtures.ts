import type { DoctorId, LocalDate, Weekday } from '../shared/primitives.js';
import { seedQualifications, seedSpecializations } from '../catalog/catalog.js';
import { weekdays } from '../shared/primitives.js';
import type { DoctorSearchIndex } from '../search/doctor-search-index.js';
import type { Repositories, UnitOfWork } from '../shared/unit-of-work.js';
import { toDoctorView } from '../doctors/to-doctor-view.js';
import type { DoctorView } from '../doctors/doctor-view.js';
import { newPatient, newSitting, newSlot, newUser, unique } from './contract-support.js';
import { InMemoryUnitOfWork } from '../memory/in-memory-unit-of-work.js';

/**
 * A doctor described abstractly, so one search contract can load it into any engine:
 * through `upsert` of its view (Redis, memory) or through the repositories (PostgreSQL).
 * @category Testing
 */
export interface DoctorFixture {
  readonly name: string;
  readonly description?: string;
  /** Catalog names (lower-case); added to the catalog when missing. */
  readonly specializations?: readonly string[];
  readonly qualifications?: readonly {
    readonly name: string;
    readonly procurementDate: LocalDate;
    readonly institute?: string;
  }[];
  /** One slot per weekday, 10:00, ten places of ten minutes. */
  readonly days?: readonly Weekday[];
  /** One completed, rated appointment per entry (needs at least one day: they happen on the first). */
  readonly ratings?: readonly (1 | 2 | 3 | 4 | 5)[];
}

/**
 * Writes doctors through the repositories, in one transaction: user, profile, catalog
 * entries, qualifications, slots, and the appointments behind their ratings. Returns their
 * ids in the order of `fixtures`.
 * @category Testing
 */
export function writeDoctorFixtures(
  uow: UnitOfWork,
  fixtures: readonly DoctorFixture[],
  now: Date,
): Promise<DoctorId[]> {
  return uow.transaction(async (r) => {
    await r.catalog.seed(
      [...seedSpecializations, ...fixtures.flatMap((f) => f.specializations ?? [])],
      [
        ...seedQualifications,
        ...fixtures.flatMap((f) => (f.qualifications ?? []).map((q) => q.name)),
      ],
    );
    const ids: DoctorId[] = [];
    for (const fixture of fixtures) ids.push(await writeDoctor(r, fixture, now));
    return ids;
  });
}

async function writeDoctor(r: Repositories, fixture: DoctorFixture, now: Date): Promise<DoctorId> {
  const slug = fixture.name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  const user = await r.users.create({
    name: fixture.name,
    email: `${slug}.${unique()}@example.test`,
    passwordHash: 'fixture',
    role: 'user',
    registeredAt: now,
    confirmed: false,
  });
  const doctor = await r.doctors.create({
    userId: user.id,
    description: fixture.description ?? `I am ${fixture.name}`,
    image: null,
    createdAt: now,
  });
  const specializations = await r.catalog.findSpecializationsByName(fixture.specializations ?? []);
  await r.doctors.addSpecializations(
    doctor.id,
    specializations.map((s) => s.id),
  );
  const catalog = await r.catalog.findQualificationsByName(
    (fixture.qualifications ?? []).map((q) => q.name),
  );
  await r.doctors.addQualifications(
    doctor.id,
    (fixture.qualifications ?? []).map((q) => ({
      qualificationId: catalog.find((c) => c.name === q.name.toLowerCase())!.id,
      name: q.name.toLowerCase(),
      procurementDate: q.procurementDate,
      institute: q.institute ?? 'Dow University of Health and Sciences',
    })),
  );
  for (const day of fixture.days ?? [])
    await newSlot(r, doctor.id, { day, start: '10:00', durationMinutes: 10, places: 10 });
  const ratings = fixture.ratings ?? [];
  if (ratings.length === 0) return doctor.id;
  const day = fixture.days?.[0];
  if (day === undefined) throw new Error(`Fixture ${fixture.name}: ratings need at least one day.`);
  // The rated visits happen in an early-morning sitting of the same weekday, so no new weekday appears.
  const slot = await newSlot(r, doctor.id, {
    day,
    start: '06:00',
    durationMinutes: 5,
    places: ratings.length,
  });
  const sitting = await newSitting(r, slot, `2025-06-0${weekdays.indexOf(day) + 2}`); // 2025-06-02 is a Monday
  const owner = await newUser(r, 'Fixture Patient Owner');
  for (const [i, stars] of ratings.entries()) {
    const patient = await newPatient(r, owner.id, `Fixture Patient ${i}`);
    const booked = await r.appointments.book({
      sittingId: sitting.id,
      patientId: patient.id,
      bookedBy: owner.id,
      at: now,
      idempotencyKey: null,
    });
    await r.appointments.transition(booked.id, {
      from: ['booked'],
      to: 'completed',
      actorId: null,
      at: now,
      reason: null,
    });
    await r.ratings.create({
      doctorId: doctor.id,
      patientId: patient.id,
      appointmentId: booked.id,
      stars,
      review: 'fixture',
      ratedBy: owner.id,
      createdAt: now,
    });
  }
  return doctor.id;
}

/**
 * A `seed` for indexes fed by `upsert` (Redis, memory): builds the views with an
 * {@link InMemoryUnitOfWork} and {@link toDoctorView}, and upserts them.
 * @category Testing
 */
export function upsertSeeder(
  index: DoctorSearchIndex,
  now: Date,
): (fixtures: readonly DoctorFixture[]) => Promise<DoctorView[]> {
  const uow = new InMemoryUnitOfWork();
  return async (fixtures) => {
    const ids = await writeDoctorFixtures(uow, fixtures, now);
    const views = (await uow.read.doctors.snapshots(ids)).map((s) => toDoctorView(s, now));
    for (const view of views) await index.upsert(view);
    return views;
  };
}

/**
 * A `seed` for indexes that read the database itself (PostgreSQL): writes through the
 * repositories of `uow`, then reads each doctor back from the index (`get`).
 * @category Testing
 */
export function repositorySeeder(
  uow: UnitOfWork,
  index: DoctorSearchIndex,
  now: Date,
): (fixtures: readonly DoctorFixture[]) => Promise<DoctorView[]> {
  return async (fixtures) => {
    const ids = await writeDoctorFixtures(uow, fixtures, now);
    const views = await Promise.all(ids.map((id) => index.get(id)));
    return views.map((view, i) => {
      if (!view) throw new Error(`Doctor ${ids[i]} was written but the index does not find it.`);
      return view;
    });
  };
}
