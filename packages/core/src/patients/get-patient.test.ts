import { describe, expect, it } from 'vitest';
import {
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { AddSlot } from '../scheduling/add-slot.js';
import { RegisterDoctor } from '../doctors/register-doctor.js';
import { RegisterPatient } from './register-patient.js';
import { defaultBookingLimits } from '../booking/booking-limits.js';
import { GetPatient } from './get-patient.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  const registerDoctor = new RegisterDoctor(uow, publisher, clock, hasher);
  const doctor = await registerDoctor.execute({
    name: 'Dr A',
    email: 'a@example.com',
    password: 'password1',
  });
  const otherDoctor = await registerDoctor.execute({
    name: 'Dr B',
    email: 'b@example.com',
    password: 'password1',
  });
  const slot = await new AddSlot(uow, publisher, clock).execute(
    { userId: doctor.user.id, role: 'user' },
    { day: 'tuesday', start: '10:00', consultation_fee: 0, appointment_duration: 10, num_slots: 5 },
  );
  const owner = { userId: 100, role: 'user' as const };
  const patient = await new RegisterPatient(uow, publisher, clock, defaultBookingLimits).execute(
    owner,
    {
      name: 'Zara',
      age: 7,
      gender: 'female',
    },
  );
  // The patient books a place in the doctor's Tuesday sitting.
  const appointment = await uow.transaction(async (r) => {
    const sitting = await r.sittings.ensure({
      slotId: slot.id,
      doctorId: doctor.id,
      date: '2026-01-06',
      startsAt: new Date('2026-01-06T10:00:00Z'),
      endsAt: new Date('2026-01-06T10:50:00Z'),
      places: 5,
      durationMinutes: 10,
    });
    return r.appointments.book({
      sittingId: sitting.id,
      patientId: patient.id,
      bookedBy: owner.userId,
      at: clock.now(),
      idempotencyKey: null,
    });
  });
  return {
    uow,
    clock,
    doctor,
    otherDoctor,
    owner,
    patient,
    appointment,
    getPatient: new GetPatient(uow),
  };
}

describe('GetPatient', () => {
  it('the owner, an admin and the doctor the patient booked may see the patient', async () => {
    const { doctor, owner, patient, getPatient } = await setup();
    expect(await getPatient.execute(owner, { id: String(patient.id) })).toEqual(patient);
    expect(await getPatient.execute({ userId: 999, role: 'admin' }, { id: patient.id })).toEqual(
      patient,
    );
    expect(
      await getPatient.execute({ userId: doctor.user.id, role: 'user' }, { id: patient.id }),
    ).toEqual(patient);
  });

  it('to another user, or a doctor the patient never booked, it does not exist', async () => {
    const { otherDoctor, patient, getPatient } = await setup();
    await expect(
      getPatient.execute({ userId: 101, role: 'user' }, { id: patient.id }),
    ).rejects.toMatchObject({ code: 'PATIENT_NOT_FOUND' });
    await expect(
      getPatient.execute({ userId: otherDoctor.user.id, role: 'user' }, { id: patient.id }),
    ).rejects.toMatchObject({
      code: 'PATIENT_NOT_FOUND',
    });
  });

  it('a doctor whose only appointment with the patient was cancelled no longer sees the patient', async () => {
    const { uow, clock, doctor, owner, patient, appointment, getPatient } = await setup();
    await uow.transaction((r) =>
      r.appointments.transition(appointment.id, {
        from: ['booked'],
        to: 'cancelled',
        actorId: owner.userId,
        at: clock.now(),
        reason: null,
      }),
    );
    await expect(
      getPatient.execute({ userId: doctor.user.id, role: 'user' }, { id: patient.id }),
    ).rejects.toMatchObject({
      code: 'PATIENT_NOT_FOUND',
    });
  });

  it('PATIENT_NOT_FOUND for an unknown id, also to an admin', async () => {
    const { getPatient } = await setup();
    await expect(
      getPatient.execute({ userId: 999, role: 'admin' }, { id: 12345 }),
    ).rejects.toMatchObject({ code: 'PATIENT_NOT_FOUND' });
  });
});
