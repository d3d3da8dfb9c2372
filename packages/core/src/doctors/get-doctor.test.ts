import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { cacheTags } from '../cache/cache-keys.js';
import { RegisterDoctor } from './register-doctor.js';
import { GetDoctor } from './get-doctor.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock();
  const cache = new InMemoryCache(clock);
  const doctor = await new RegisterDoctor(
    uow,
    new RecordingOutboxPublisher(),
    clock,
    new InsecureTestPasswordHasher(),
  ).execute({
    name: 'Dr A',
    email: 'a@example.com',
    password: 'password1',
    description: 'first',
  });
  return { uow, cache, doctor, getDoctor: new GetDoctor(uow, cache, clock) };
}

describe('GetDoctor', () => {
  it('answers the doctor view, also for an id given as digits', async () => {
    const { doctor, getDoctor } = await setup();
    expect(await getDoctor.execute({ id: String(doctor.id) })).toEqual(doctor);
  });

  it('reads through the cache until the doctor tag is invalidated', async () => {
    const { uow, cache, doctor, getDoctor } = await setup();
    await getDoctor.execute({ id: doctor.id });
    await uow.transaction((r) => r.doctors.update(doctor.id, { description: 'second' }));
    expect((await getDoctor.execute({ id: doctor.id })).description).toBe('first');
    await cache.invalidateTags([cacheTags.doctor(doctor.id)]);
    expect((await getDoctor.execute({ id: doctor.id })).description).toBe('second');
  });

  it('DOCTOR_NOT_FOUND for an unknown id; VALIDATION_FAILED for a malformed one', async () => {
    const { getDoctor } = await setup();
    await expect(getDoctor.execute({ id: 999 })).rejects.toMatchObject({
      code: 'DOCTOR_NOT_FOUND',
    });
    await expect(getDoctor.execute({ id: 'abc' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'id' }],
    });
  });
});
