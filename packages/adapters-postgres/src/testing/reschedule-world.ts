import {
  BookAppointment,
  defaultBookingLimits,
  RescheduleAppointment,
  type Actor,
  type BookingPolicy,
  type Patient,
  type Slot,
  type UnitOfWork,
} from '@doctorly/core';
import { ManualClock, RecordingOutboxPublisher } from '@doctorly/core/testing';
import { newUser, patientsOfDistinctUsers } from './fixtures.js';

/** The instant the reschedule tests run at: Monday 2026-01-05 09:00 UTC. */
export const rescheduleNow = '2026-01-05T09:00:00.000Z';
const policy: BookingPolicy = { cutoffMinutes: 0, horizonWeeks: 4 };

/** The booking and reschedule use cases over a store, at {@link rescheduleNow}. */
export function rescheduleUseCases(uow: UnitOfWork) {
  const clock = new ManualClock(rescheduleNow);
  const publisher = new RecordingOutboxPublisher();
  return {
    clock,
    book: new BookAppointment(uow, publisher, clock, policy, defaultBookingLimits),
    reschedule: new RescheduleAppointment(uow, publisher, clock, policy, defaultBookingLimits),
  };
}

/** A doctor with one Monday 10:00 slot of `places` places (10 minutes each). */
export function doctorWithSlot(uow: UnitOfWork, places: number): Promise<Slot> {
  return uow.transaction(async (r) => {
    const user = await newUser(r, 'Doctor');
    const doctor = await r.doctors.create({
      userId: user.id,
      description: 'd',
      image: null,
      createdAt: new Date(rescheduleNow),
    });
    return r.slots.create({
      doctorId: doctor.id,
      day: 'monday',
      start: '10:00',
      durationMinutes: 10,
      places,
      fee: 1,
      timeZone: 'UTC',
      createdAt: new Date(rescheduleNow),
    });
  });
}

/** `count` users with one patient each ({@link patientsOfDistinctUsers}), as actors. */
export async function owners(
  uow: UnitOfWork,
  count: number,
): Promise<{ actor: Actor; patient: Pick<Patient, 'id'> }[]> {
  return (await patientsOfDistinctUsers(uow, count)).map(({ userId, patientId }) => ({
    actor: { userId, role: 'user' },
    patient: { id: patientId },
  }));
}
