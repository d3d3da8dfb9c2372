import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { cacheKeys } from '../cache/cache-keys.js';
import { RegisterUser } from './register-user.js';
import { GetCurrentUser } from './get-current-user.js';

describe('GetCurrentUser', () => {
  it("answers the caller's own account and caches it under the caller's id", async () => {
    const uow = new InMemoryUnitOfWork();
    const clock = new ManualClock();
    const cache = new InMemoryCache(clock);
    const registerUser = new RegisterUser(
      uow,
      new RecordingOutboxPublisher(),
      clock,
      new InsecureTestPasswordHasher(),
    );
    const a = await registerUser.execute({
      name: 'A',
      email: 'a@example.com',
      password: 'password1',
    });
    const b = await registerUser.execute({
      name: 'B',
      email: 'b@example.com',
      password: 'password1',
    });
    const getCurrentUser = new GetCurrentUser(uow, cache);

    expect(await getCurrentUser.execute({ userId: a.id, role: 'user' })).toEqual(a);
    expect(await getCurrentUser.execute({ userId: b.id, role: 'user' })).toEqual(b);
    expect(await cache.get(cacheKeys.currentUser(a.id))).toEqual(a);
  });

  it('USER_NOT_FOUND for an actor whose account is gone', async () => {
    const getCurrentUser = new GetCurrentUser(
      new InMemoryUnitOfWork(),
      new InMemoryCache(new ManualClock()),
    );
    await expect(getCurrentUser.execute({ userId: 42, role: 'user' })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });
});
