import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { RegisterDoctor } from './register-doctor.js';
import { RegisterUser } from '../identity/register-user.js';
import { GetCurrentDoctor } from './get-current-doctor.js';

describe('GetCurrentDoctor', () => {
  it("answers the calling doctor's own profile; NOT_A_DOCTOR for a user without one", async () => {
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
    const getCurrentDoctor = new GetCurrentDoctor(uow, new InMemoryCache(clock), clock);

    expect(await getCurrentDoctor.execute({ userId: doctor.user.id, role: 'user' })).toEqual(
      doctor,
    );
    await expect(getCurrentDoctor.execute({ userId: user.id, role: 'user' })).rejects.toMatchObject(
      { code: 'NOT_A_DOCTOR' },
    );
  });
});
