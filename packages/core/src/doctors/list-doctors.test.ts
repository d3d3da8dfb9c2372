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
import { ListDoctors } from './list-doctors.js';

describe('ListDoctors', () => {
  it('pages through the doctors by id, cached until the doctors tag is invalidated', async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new ManualClock();
    const cache = new InMemoryCache(clock);
    const registerDoctor = new RegisterDoctor(
      uow,
      new RecordingOutboxPublisher(),
      clock,
      new InsecureTestPasswordHasher(),
    );
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      ids.push(
        (
          await registerDoctor.execute({
            name: `Dr ${n}`,
            email: `d${n}@example.com`,
            password: 'password1',
          })
        ).id,
      );
    }
    const listDoctors = new ListDoctors(uow, cache, clock);

    const first = await listDoctors.execute({ limit: '2' });
    expect(first.total).toBe(3);
    expect(first.items.map((d) => d.id)).toEqual(ids.slice(0, 2));
    expect((await listDoctors.execute({ limit: 2, offset: 2 })).items.map((d) => d.id)).toEqual(
      ids.slice(2),
    );

    await registerDoctor.execute({ name: 'Dr 4', email: 'd4@example.com', password: 'password1' });
    expect((await listDoctors.execute({ limit: 2 })).total).toBe(3);
    await cache.invalidateTags([cacheTags.doctors]);
    expect((await listDoctors.execute({ limit: 2 })).total).toBe(4);
  });

  it('refuses a limit over 100', async () => {
    const listDoctors = new ListDoctors(
      new InMemoryUnitOfWork(),
      new InMemoryCache(new ManualClock()),
      new ManualClock(),
    );
    await expect(listDoctors.execute({ limit: 101 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'limit' }],
    });
  });
});
