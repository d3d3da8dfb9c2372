// Doctorly's core on PGlite, the embedded PostgreSQL: the same SQL, constraints and atomic
// booking as on a PostgreSQL server, persisted in a folder. Run it twice: the second run
// finds the doctor, the user and the bookings of the first, and the queue numbers go on.
import { resolve } from 'node:path';
import {
  defaultBookingLimits,
  AddSlot,
  BookAppointment,
  ListMyAppointments,
  RegisterDoctor,
  RegisterPatient,
  RegisterUser,
  RelayOutbox,
  SeedCatalog,
  isDomainError,
  tagsForEvent,
  type Actor,
  type BookingPolicy,
  type OutboxPublisher,
  type Repositories,
} from '@doctorly/core';
import { InMemoryCache, InMemoryLiveChannel } from '@doctorly/core/testing';
import { createPostgresAdapters } from '@doctorly/adapters-postgres';
import { ScryptPasswordHasher, SystemClock } from '@doctorly/runtime';

const dataDir = resolve(process.argv[2] ?? '.doctorly/pglite-host');
const clock = new SystemClock();
const postgres = await createPostgresAdapters({ dataDir }, clock);

try {
  const migration = await postgres.migrate();
  console.log(
    `PGlite in ${dataDir}: ${migration.applied.length} migrations applied, ${migration.alreadyApplied.length} already there`,
  );

  const cache = new InMemoryCache(clock);
  const publisher: OutboxPublisher = {
    async published(events) {
      await cache.invalidateTags(events.flatMap(tagsForEvent));
    },
  };
  const hasher = new ScryptPasswordHasher();
  const policy: BookingPolicy = { horizonWeeks: 4, cutoffMinutes: 0 };
  const { uow } = postgres;

  await new SeedCatalog(uow, publisher, clock).execute();

  // Who is who: found by email on a later run. An embedder may read repositories directly.
  const doctorActor =
    (await actorOf(uow.read, 'ayesha@example.com')) ??
    (await (async () => {
      const doctor = await new RegisterDoctor(uow, publisher, clock, hasher).execute({
        name: 'Ayesha Khan',
        email: 'ayesha@example.com',
        password: 'a long demo password',
        description: 'General practitioner',
      });
      await new AddSlot(uow, publisher, clock).execute(
        { userId: doctor.user.id, role: 'user' },
        {
          day: 'monday',
          start: '09:00',
          consultation_fee: 1000,
          appointment_duration: 10,
          num_slots: 60,
        },
      );
      console.log(
        `Registered doctor ${doctor.user.name} with a slot on Mondays 09:00 UTC, 60 places of 10 min`,
      );
      return { userId: doctor.user.id, role: doctor.user.role } satisfies Actor;
    })());
  const doctor = await uow.read.doctors.findByUserId(doctorActor.userId);
  const [slot] = doctor ? await uow.read.slots.listByDoctor(doctor.id) : [];
  if (!slot) throw new Error('The doctor has no slot: delete the data folder and start again.');

  const userActor =
    (await actorOf(uow.read, 'bilal@example.com')) ??
    (await (async () => {
      const user = await new RegisterUser(uow, publisher, clock, hasher).execute({
        name: 'Bilal',
        email: 'bilal@example.com',
        password: 'another demo password',
      });
      return { userId: user.id, role: user.role } satisfies Actor;
    })());

  const myAppointments = new ListMyAppointments(uow, cache, clock);
  const earlier = await myAppointments.execute(userActor, { limit: 100 });
  console.log(`Earlier bookings: ${earlier.total}`);
  for (const appointment of [...earlier.items].reverse()) {
    console.log(
      `  ${appointment.patient_name}: sitting ${appointment.date}, queue number ${appointment.queue_number}`,
    );
  }

  // Three new patients, three new places: the database hands out the lowest free numbers.
  const registerPatient = new RegisterPatient(uow, publisher, clock, defaultBookingLimits);
  const book = new BookAppointment(uow, publisher, clock, policy, defaultBookingLimits);
  for (let n = 1; n <= 3; n += 1) {
    const patient = await registerPatient.execute(userActor, {
      name: `Patient ${earlier.total + n}`,
      age: 30,
      gender: 'other',
      symptoms: 'check-up',
    });
    try {
      const appointment = await book.execute(userActor, {
        patient_id: patient.id,
        slot_id: slot.id,
      });
      console.log(
        `Booked ${appointment.patient_name}: sitting ${appointment.date}, queue number ${appointment.queue_number}, expected at ${appointment.expected_time}`,
      );
    } catch (error) {
      if (!isDomainError(error, 'SITTING_FULL')) throw error;
      console.log(`The next sitting is full (${error.message}): delete ${dataDir} to start over.`);
      break;
    }
  }
  const after = await myAppointments.execute(userActor, { limit: 100 });
  console.log(`Bookings now: ${after.total}`);

  // What the worker does in production: relay the outbox to the search index and the cache
  // (and tell live boards; this one-shot host has none listening).
  const relayed = await new RelayOutbox(
    postgres.outbox,
    uow,
    cache,
    postgres.search,
    new InMemoryLiveChannel(),
  ).execute(100, 30, clock.now());
  console.log(`Relayed ${relayed.applied} outbox events to the search index and the cache`);
} finally {
  await postgres.close();
}

/** The actor of the account with `email`, if it exists. */
async function actorOf(read: Repositories, email: string): Promise<Actor | undefined> {
  const user = await read.users.findByEmail(email);
  return user && { userId: user.id, role: user.role };
}
