import type { Repositories, Sitting, UnitOfWork, User } from '@doctorly/core';

const at = new Date('2026-01-05T09:00:00.000Z');
let counter = 0;
const unique = () =>
  `${process.pid.toString(36)}-${Date.now().toString(36)}-${(counter += 1).toString(36)}`;

/** A doctor with one slot and its sitting on a date, `places` places. */
export async function sittingWithPlaces(
  uow: UnitOfWork,
  places: number,
  date = '2026-01-12',
): Promise<Sitting> {
  return uow.transaction(async (r) => {
    const user = await newUser(r, 'Doctor');
    const doctor = await r.doctors.create({
      userId: user.id,
      description: 'd',
      image: null,
      createdAt: at,
    });
    const slot = await r.slots.create({
      doctorId: doctor.id,
      day: 'monday',
      start: '08:00',
      durationMinutes: 1,
      places,
      fee: 1,
      timeZone: 'UTC',
      createdAt: at,
    });
    const startsAt = new Date(`${date}T08:00:00.000Z`);
    return r.sittings.ensure({
      slotId: slot.id,
      doctorId: doctor.id,
      date,
      startsAt,
      endsAt: new Date(startsAt.getTime() + places * 60_000),
      places,
      durationMinutes: 1,
    });
  });
}

/** A user with a unique email. */
export function newUser(r: Repositories, name = 'User'): Promise<User> {
  return r.users.create({
    name,
    email: `u-${unique()}@example.test`,
    passwordHash: 'x',
    role: 'user',
    registeredAt: at,
    confirmed: false,
  });
}

/** `count` users with one patient each, created in one transaction. */
export function patientsOfDistinctUsers(
  uow: UnitOfWork,
  count: number,
): Promise<{ userId: number; patientId: number }[]> {
  return uow.transaction(async (r) => {
    const result: { userId: number; patientId: number }[] = [];
    for (let i = 0; i < count; i++) {
      const user = await newUser(r);
      const patient = await r.patients.create({
        ownerId: user.id,
        name: `Patient ${i}`,
        age: 30,
        gender: 'other',
        symptoms: '',
        createdAt: at,
      });
      result.push({ userId: user.id, patientId: patient.id });
    }
    return result;
  });
}

export const bookingInstant = at;
