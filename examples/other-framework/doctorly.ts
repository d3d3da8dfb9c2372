// The domain side of this host: core's use cases over core's in-memory adapters. Nothing
// here knows about HTTP; http-host.ts knows nothing about storage.
import {
  defaultBookingLimits,
  AddSlot,
  Authenticate,
  BookAppointment,
  IssueToken,
  RegisterDoctor,
  RegisterPatient,
  RegisterUser,
  RelayOutbox,
  SearchDoctors,
  type BookingLimits,
  type BookingPolicy,
  type Clock,
  type OutboxPublisher,
} from '@doctorly/core';
import {
  InMemoryCache,
  InMemoryDoctorSearchIndex,
  InMemoryLiveChannel,
  InMemoryOutboxStore,
  InMemoryRateLimiter,
  InMemoryTokenIssuer,
  InMemoryTokenRevocationStore,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
} from '@doctorly/core/testing';

/** The use cases this host serves, and what a client needs to try them. */
export interface Doctorly {
  readonly searchDoctors: SearchDoctors;
  readonly bookAppointment: BookAppointment;
  readonly authenticate: Authenticate;
  /** A demo account's bearer token, its two patients (Bilal and his daughter) and a slot to book. */
  readonly demo: {
    readonly token: string;
    readonly patientIds: readonly [number, number];
    readonly slotId: number;
  };
}

/**
 * What a demo may change: the places in the demo slot's sittings (default 12), and how many
 * appointments one account may hold (`MAX_ACTIVE_APPOINTMENTS_PER_USER`, default 20).
 */
export interface DoctorlyOptions {
  readonly places?: number;
  readonly maxActiveAppointmentsPerUser?: number;
}

/** Builds the use cases over in-memory adapters and loads a doctor, a user and two patients. */
export async function createDoctorly(options: DoctorlyOptions = {}): Promise<Doctorly> {
  const clock: Clock = { now: () => new Date() };
  const uow = new InMemoryUnitOfWork();
  const cache = new InMemoryCache(clock);
  const search = new InMemoryDoctorSearchIndex();
  const hasher = new InsecureTestPasswordHasher();
  const tokens = new InMemoryTokenIssuer(3600);
  const live = new InMemoryLiveChannel();
  const relay = new RelayOutbox(new InMemoryOutboxStore(uow), uow, cache, search, live);
  // After each commit, apply its outbox events at once: search documents and cached reads
  // follow every write (in production the worker relays whatever this misses).
  const publisher: OutboxPublisher = {
    async published() {
      await relay.execute(100, 30, clock.now());
    },
  };
  const policy: BookingPolicy = { horizonWeeks: 4, cutoffMinutes: 0 };
  const limits: BookingLimits = {
    ...defaultBookingLimits,
    maxActiveAppointmentsPerUser:
      options.maxActiveAppointmentsPerUser ?? defaultBookingLimits.maxActiveAppointmentsPerUser,
  };

  const doctor = await new RegisterDoctor(uow, publisher, clock, hasher).execute({
    name: 'Ayesha Khan',
    email: 'ayesha@example.com',
    password: 'a long demo password',
    description: 'General practitioner',
  });
  const slot = await new AddSlot(uow, publisher, clock).execute(
    { userId: doctor.user.id, role: 'user' },
    {
      day: 'wednesday',
      start: '16:00',
      consultation_fee: 1500,
      appointment_duration: 15,
      num_slots: options.places ?? 12,
    },
  );
  const user = await new RegisterUser(uow, publisher, clock, hasher).execute({
    name: 'Bilal',
    email: 'bilal@example.com',
    password: 'another demo password',
  });
  const registerPatient = new RegisterPatient(uow, publisher, clock, limits);
  const owner = { userId: user.id, role: user.role };
  const bilal = await registerPatient.execute(owner, {
    name: 'Bilal',
    age: 34,
    gender: 'male',
    symptoms: 'headache',
  });
  const daughter = await registerPatient.execute(owner, {
    name: 'Sara',
    age: 6,
    gender: 'female',
    symptoms: 'fever',
  });
  const { token } = await new IssueToken(
    uow,
    clock,
    hasher,
    tokens,
    new InMemoryRateLimiter(clock),
  ).execute({
    email: 'bilal@example.com',
    password: 'another demo password',
  });

  return {
    searchDoctors: new SearchDoctors(search, cache),
    bookAppointment: new BookAppointment(uow, publisher, clock, policy, limits),
    authenticate: new Authenticate(
      uow,
      clock,
      tokens,
      new InMemoryTokenRevocationStore(clock),
      cache,
    ),
    demo: { token, patientIds: [bilal.id, daughter.id], slotId: slot.id },
  };
}
