import { describe, expect, it } from 'vitest';
import {
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { RegisterDoctor } from '../doctors/register-doctor.js';
import { RegisterUser } from '../identity/register-user.js';
import { AddSlot } from './add-slot.js';

const monday = {
  day: 'Monday',
  start: '10:30',
  consultation_fee: 1000,
  appointment_duration: 10,
  num_slots: 10,
};

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const publisher = new RecordingOutboxPublisher();
  const hasher = new InsecureTestPasswordHasher();
  const doctor = await new RegisterDoctor(uow, publisher, clock, hasher).execute({
    name: 'Dr A',
    email: 'a@example.com',
    password: 'password1',
  });
  const user = await new RegisterUser(uow, publisher, clock, hasher).execute({
    name: 'U',
    email: 'u@example.com',
    password: 'password1',
  });
  publisher.clear();
  const actor = { userId: doctor.user.id, role: 'user' as const };
  const addSlot = new AddSlot(uow, publisher, clock, { defaultTimeZone: 'Asia/Karachi' });
  return { uow, publisher, doctor, actor, user, addSlot };
}

describe('AddSlot', () => {
  it("adds a slot in the configured default zone and announces the doctor's change", async () => {
    const { uow, publisher, doctor, actor, addSlot } = await setup();
    const view = await addSlot.execute(actor, monday);
    expect(view).toEqual({
      id: view.id,
      day: 'monday',
      start: '10:30',
      end: '12:10',
      consultation_fee: 1000,
      appointment_duration: 10,
      num_slots: 10,
      time_zone: 'Asia/Karachi',
    });
    expect(await uow.read.slots.listByDoctor(doctor.id)).toMatchObject([
      { id: view.id, places: 10, fee: 1000 },
    ]);
    expect(publisher.events).toEqual([{ type: 'doctor.changed', doctorId: doctor.id }]);
  });

  it('takes a zone from the input', async () => {
    const { actor, addSlot } = await setup();
    expect(
      (await addSlot.execute(actor, { ...monday, time_zone: 'europe/london' })).time_zone,
    ).toBe('Europe/London');
  });

  it('SLOT_OVERLAP for a slot overlapping another of the doctor; adjacent slots and other days are fine', async () => {
    const { uow, doctor, actor, addSlot } = await setup();
    await addSlot.execute(actor, monday);
    await expect(addSlot.execute(actor, { ...monday, start: '12:00' })).rejects.toMatchObject({
      code: 'SLOT_OVERLAP',
    });
    await expect(
      addSlot.execute(actor, { ...monday, start: '09:00', num_slots: 10 }),
    ).rejects.toMatchObject({ code: 'SLOT_OVERLAP' });
    await addSlot.execute(actor, { ...monday, start: '12:10' });
    await addSlot.execute(actor, { ...monday, start: '09:30', num_slots: 6 });
    await addSlot.execute(actor, { ...monday, day: 'tuesday' });
    expect(await uow.read.slots.listByDoctor(doctor.id)).toHaveLength(4);
  });

  it('another doctor may use the same hours', async () => {
    const { uow, actor, addSlot } = await setup();
    await addSlot.execute(actor, monday);
    const other = await new RegisterDoctor(
      uow,
      new RecordingOutboxPublisher(),
      new ManualClock(),
      new InsecureTestPasswordHasher(),
    ).execute({
      name: 'Dr B',
      email: 'b@example.com',
      password: 'password1',
    });
    await expect(
      addSlot.execute({ userId: other.user.id, role: 'user' }, monday),
    ).resolves.toMatchObject({ start: '10:30' });
  });

  it('refuses a slot that crosses midnight, and a user without a profile', async () => {
    const { user, actor, addSlot } = await setup();
    await expect(
      addSlot.execute(actor, { ...monday, start: '23:30', num_slots: 4 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'num_slots' }],
    });
    await expect(addSlot.execute({ userId: user.id, role: 'user' }, monday)).rejects.toMatchObject({
      code: 'NOT_A_DOCTOR',
    });
  });
});
