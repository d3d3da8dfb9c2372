import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { tagsForEvent } from '../cache/tags-for-event.js';
import { AddSlot } from './add-slot.js';
import { RegisterDoctor } from '../doctors/register-doctor.js';
import { ListDoctorSlots } from './list-doctor-slots.js';

describe('ListDoctorSlots', () => {
  it("lists a doctor's slots by weekday, cached until the doctor changes", async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new ManualClock();
    const cache = new InMemoryCache(clock);
    // Applies each committed event to the cache, as the host does right after a commit.
    const publisher = new RecordingOutboxPublisher((events) =>
      cache.invalidateTags(events.flatMap(tagsForEvent)),
    );
    const doctor = await new RegisterDoctor(
      uow,
      publisher,
      clock,
      new InsecureTestPasswordHasher(),
    ).execute({
      name: 'Dr A',
      email: 'a@example.com',
      password: 'password1',
    });
    const actor = { userId: doctor.user.id, role: 'user' as const };
    const addSlot = new AddSlot(uow, publisher, clock);
    const listSlots = new ListDoctorSlots(uow, cache);
    const slot = {
      day: 'wednesday',
      start: '10:00',
      consultation_fee: 0,
      appointment_duration: 15,
      num_slots: 4,
    };

    expect(await listSlots.execute({ id: doctor.id })).toEqual([]);
    await addSlot.execute(actor, slot);
    await addSlot.execute(actor, { ...slot, day: 'monday' });
    expect(
      (await listSlots.execute({ id: String(doctor.id) })).map((s) => [s.day, s.end, s.time_zone]),
    ).toEqual([
      ['monday', '11:00', 'UTC'],
      ['wednesday', '11:00', 'UTC'],
    ]);
  });

  it('DOCTOR_NOT_FOUND for an unknown doctor', async () => {
    const listSlots = new ListDoctorSlots(
      new InMemoryUnitOfWork(),
      new InMemoryCache(new ManualClock()),
    );
    await expect(listSlots.execute({ id: 5 })).rejects.toMatchObject({ code: 'DOCTOR_NOT_FOUND' });
  });
});
