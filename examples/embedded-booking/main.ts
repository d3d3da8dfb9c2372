// Doctorly's core embedded in a plain Node script: no server, no database, no Redis.
// The use cases are wired by hand to core's in-memory adapters; a host would swap in
// PostgreSQL and Redis adapters behind the same ports without changing a line below them.
import {
  defaultBookingLimits,
  AddSlot,
  BookAppointment,
  GetTimings,
  RegisterDoctor,
  RegisterPatient,
  RegisterUser,
  tagsForEvent,
  type Actor,
  type BookingPolicy,
  type Clock,
  type DomainEvent,
  type OutboxPublisher,
} from '@doctorly/core';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
} from '@doctorly/core/testing';

/** The one clock of this host: core never reads the time itself, it asks this port. */
const systemClock: Clock = { now: () => new Date() };

// The stores. InsecureTestPasswordHasher is fine for a demo; a real host uses scrypt or argon2.
const uow = new InMemoryUnitOfWork();
const cache = new InMemoryCache(systemClock);
const hasher = new InsecureTestPasswordHasher();

/**
 * Told after every commit which events the write caused: here it invalidates the cached
 * reads those events touch. (A host on PostgreSQL also has the outbox, relayed by a worker.)
 */
const publisher: OutboxPublisher = {
  async published(events: readonly DomainEvent[]) {
    await cache.invalidateTags(events.flatMap(tagsForEvent));
  },
};

const policy: BookingPolicy = { horizonWeeks: 4, cutoffMinutes: 0 };

const registerDoctor = new RegisterDoctor(uow, publisher, systemClock, hasher);
const addSlot = new AddSlot(uow, publisher, systemClock, { defaultTimeZone: 'UTC' });
const registerUser = new RegisterUser(uow, publisher, systemClock, hasher);
const registerPatient = new RegisterPatient(uow, publisher, systemClock, defaultBookingLimits);
const bookAppointment = new BookAppointment(
  uow,
  publisher,
  systemClock,
  policy,
  defaultBookingLimits,
);
const getTimings = new GetTimings(uow, cache, systemClock, policy);

// A doctor with one weekly slot: Mondays 10:30 UTC, 10 places of 10 minutes each.
const doctor = await registerDoctor.execute({
  name: 'Ayesha Khan',
  email: 'ayesha@example.com',
  password: 'a long demo password',
  description: 'General practitioner',
});
const doctorActor: Actor = { userId: doctor.user.id, role: doctor.user.role };
const slot = await addSlot.execute(doctorActor, {
  day: 'monday',
  start: '10:30',
  consultation_fee: 1000,
  appointment_duration: 10,
  num_slots: 10,
});
console.log(
  `Doctor ${doctor.user.name} (doctor ${doctor.id}): slot ${slot.id} on ${slot.day}s ${slot.start}–${slot.end} ${slot.time_zone}, ${slot.num_slots} places of ${slot.appointment_duration} min`,
);

/** A cached read (`GET /doctors/timings/{id}`): the first call loads and caches, later ones hit. */
async function printTimings(): Promise<void> {
  const [timing] = await getTimings.execute({ id: doctor.id });
  console.log(
    `Next sitting of slot ${slot.id}: ${timing?.occurring_date}, ${timing?.slots_booked} of ${slot.num_slots} places booked`,
  );
}
await printTimings();

// A user books for three patients they care for; each gets the lowest free queue number.
const user = await registerUser.execute({
  name: 'Bilal',
  email: 'bilal@example.com',
  password: 'another demo password',
});
const userActor: Actor = { userId: user.id, role: user.role };
for (const name of ['Bilal', 'Sana', 'Omar']) {
  const patient = await registerPatient.execute(userActor, {
    name,
    age: 30,
    gender: 'other',
    symptoms: 'check-up',
  });
  const appointment = await bookAppointment.execute(userActor, {
    patient_id: patient.id,
    slot_id: slot.id,
  });
  console.log(
    `Booked ${appointment.patient_name}: sitting ${appointment.date}, queue number ${appointment.queue_number}, expected at ${appointment.expected_time}`,
  );
}

// The same cached read again: each booking's events invalidated the doctor's cache tag, so
// it loads afresh and sees all three instead of the cached "0 booked".
await printTimings();
