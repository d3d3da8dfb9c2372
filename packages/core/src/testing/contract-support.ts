import { afterAll, beforeAll, expect } from 'vitest';
import { isDomainError, type DomainErrorCode } from '../shared/domain-error.js';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { Doctor } from '../doctors/doctor.js';
import type { User } from '../identity/user.js';
import type { Patient } from '../patients/patient.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { Slot } from '../scheduling/slot.js';
import type { LocalDate, LocalTime, Weekday } from '../shared/primitives.js';
import type { Repositories } from '../shared/unit-of-work.js';

/** What every contract subject may offer: a clean-up run once after its suite. @category Testing */
export interface ContractSubject {
  /** Called once in `afterAll` (close connections, drop the test database …). */
  close?(): Promise<void>;
}

/**
 * Makes the suite's subject once (`beforeAll`), closes it once (`afterAll`), and returns a
 * getter for the tests. One subject per suite keeps slow adapters (PGlite) fast; the tests
 * use fresh data each (unique emails, keys, names), so they never assume an empty store.
 */
export function suiteSubject<S extends ContractSubject>(make: () => Promise<S>): () => S {
  let subject: S | undefined;
  beforeAll(async () => {
    subject = await make();
  });
  afterAll(async () => {
    await subject?.close?.();
  });
  return () => {
    if (!subject) throw new Error('The contract subject is not ready: did makeSubject fail?');
    return subject;
  };
}

let counter = 0;
/** A token unique within the process and unlikely to clash across runs on a shared store. */
export function unique(): string {
  counter += 1;
  return `${Math.random().toString(36).slice(2, 8)}${counter.toString(36)}`;
}

/** A fixed instant the contract tests write with, so results do not depend on the clock. */
export const contractNow = new Date('2026-01-05T09:00:00.000Z');

/** A user with a unique email. */
export function newUser(r: Repositories, name = 'Test User'): Promise<User> {
  return r.users.create({
    name,
    email: `user-${unique()}@example.test`,
    passwordHash: 'hash',
    role: 'user',
    registeredAt: contractNow,
    confirmed: false,
  });
}

/** A user with a doctor profile. */
export async function newDoctor(
  r: Repositories,
  name = 'Test Doctor',
): Promise<{ user: User; doctor: Doctor }> {
  const user = await newUser(r, name);
  const doctor = await r.doctors.create({
    userId: user.id,
    description: 'A doctor',
    image: null,
    createdAt: contractNow,
  });
  return { user, doctor };
}

/** A patient of `ownerId`. */
export function newPatient(
  r: Repositories,
  ownerId: number,
  name = 'Test Patient',
): Promise<Patient> {
  return r.patients.create({
    ownerId,
    name,
    age: 30,
    gender: 'other',
    symptoms: 'cough',
    createdAt: contractNow,
  });
}

/** A slot of a doctor; `places` 10 and 10 minutes each unless told otherwise. */
export function newSlot(
  r: Repositories,
  doctorId: number,
  slot: { day?: Weekday; start?: LocalTime; durationMinutes?: number; places?: number } = {},
): Promise<Slot> {
  return r.slots.create({
    doctorId,
    day: slot.day ?? 'monday',
    start: slot.start ?? '10:00',
    durationMinutes: slot.durationMinutes ?? 10,
    places: slot.places ?? 10,
    fee: 1000,
    timeZone: 'UTC',
    createdAt: contractNow,
  });
}

/** The sitting of `slot` on `date` (times read as UTC, which the slots of the contract use). */
export function newSitting(
  r: Repositories,
  slot: Slot,
  date: LocalDate = '2026-01-12',
): Promise<Sitting> {
  const startsAt = new Date(`${date}T${slot.start}:00.000Z`);
  const endsAt = new Date(startsAt.getTime() + slot.durationMinutes * slot.places * 60_000);
  return r.sittings.ensure({
    slotId: slot.id,
    doctorId: slot.doctorId,
    date,
    startsAt,
    endsAt,
    places: slot.places,
    durationMinutes: slot.durationMinutes,
  });
}

/** The rejection of `promise`, which must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** Expects `promise` to reject with a {@link DomainError} of `code`. */
export async function expectDomainError(
  promise: Promise<unknown>,
  code: DomainErrorCode,
): Promise<void> {
  const error = await rejectionOf(promise);
  expect(isDomainError(error, code), `expected DomainError ${code}, got ${String(error)}`).toBe(
    true,
  );
}

/**
 * A booking's details as a later read presents them: without `waitingAhead`, which only the
 * booking itself may count (see {@link AppointmentDetails.waitingAhead}).
 */
export function asStored(details: AppointmentDetails): AppointmentDetails {
  const copy: { -readonly [K in keyof AppointmentDetails]: AppointmentDetails[K] } = { ...details };
  delete copy.waitingAhead;
  return copy;
}
