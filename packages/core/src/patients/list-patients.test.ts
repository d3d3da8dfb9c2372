import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { tagsForEvent } from '../cache/tags-for-event.js';
import { RegisterPatient } from './register-patient.js';
import { defaultBookingLimits } from '../booking/booking-limits.js';
import { ListPatients } from './list-patients.js';

describe('ListPatients', () => {
  it("lists only the caller's own patients, each user's list cached apart and refreshed on change", async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new ManualClock();
    const cache = new InMemoryCache(clock);
    const publisher = new RecordingOutboxPublisher((events) =>
      cache.invalidateTags(events.flatMap(tagsForEvent)),
    );
    const registerPatient = new RegisterPatient(uow, publisher, clock, defaultBookingLimits);
    const listPatients = new ListPatients(uow, cache);
    const alice = { userId: 1, role: 'user' as const };
    const bob = { userId: 2, role: 'user' as const };

    await registerPatient.execute(alice, { name: 'Alice', age: 30, gender: 'female' });
    await registerPatient.execute(bob, { name: 'Bob', age: 40, gender: 'male' });
    expect((await listPatients.execute(alice)).items.map((p) => p.name)).toEqual(['Alice']);
    expect((await listPatients.execute(bob)).items.map((p) => p.name)).toEqual(['Bob']);

    await registerPatient.execute(alice, { name: 'Alice Jr', age: 3, gender: 'other' });
    const page = await listPatients.execute(alice, { limit: '1', offset: '1' });
    expect(page).toMatchObject({ total: 2, items: [{ name: 'Alice Jr' }] });
    expect((await listPatients.execute(bob)).total).toBe(1);
  });
});
