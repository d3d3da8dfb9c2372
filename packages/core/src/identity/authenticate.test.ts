import { describe, expect, it } from 'vitest';
import {
  InMemoryCache,
  InMemoryTokenIssuer,
  InMemoryTokenRevocationStore,
  InMemoryUnitOfWork,
  InsecureTestPasswordHasher,
  ManualClock,
  RecordingOutboxPublisher,
} from '@doctorly/core/testing';
import { cacheKeys } from '../cache/cache-keys.js';
import { tagsForEvent } from '../cache/tags-for-event.js';
import { RegisterUser } from './register-user.js';
import { RevokeToken } from './revoke-token.js';
import { Authenticate } from './authenticate.js';

async function setup() {
  const uow = new InMemoryUnitOfWork();
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const tokens = new InMemoryTokenIssuer(3600);
  const revocations = new InMemoryTokenRevocationStore(clock);
  const user = await new RegisterUser(
    uow,
    new RecordingOutboxPublisher(),
    clock,
    new InsecureTestPasswordHasher(),
  ).execute({
    name: 'Ayesha',
    email: 'ayesha@example.com',
    password: 'correct horse',
  });
  const cache = new InMemoryCache(clock);
  const authenticate = new Authenticate(uow, clock, tokens, revocations, cache);
  return { uow, clock, tokens, revocations, cache, user, authenticate };
}

describe('Authenticate', () => {
  it('turns a valid token into the actor, with the claims', async () => {
    const { clock, tokens, user, authenticate } = await setup();
    const issued = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    expect(await authenticate.execute(issued.token)).toMatchObject({
      userId: user.id,
      role: 'user',
      claims: { tokenId: issued.tokenId },
    });
  });

  it('takes the role from the user as it is now, not from the token', async () => {
    const { uow, clock, tokens, user, authenticate } = await setup();
    const issued = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    await uow.transaction((r) => r.users.setRole(user.id, 'admin'));
    expect((await authenticate.execute(issued.token)).role).toBe('admin');
  });

  it('reads the user through the cache: a change to the user (its tag invalidated) is seen at once', async () => {
    const { uow, clock, tokens, cache, user, authenticate } = await setup();
    const issued = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    expect((await authenticate.execute(issued.token)).role).toBe('user');
    // Cached: only the id and the role, never the password hash.
    expect(await cache.get(cacheKeys.userIdentity(user.id))).toEqual({ id: user.id, role: 'user' });

    await uow.transaction((r) => r.users.setRole(user.id, 'admin'));
    // Without an invalidation the cached identity answers (what the TTL bounds)…
    expect((await authenticate.execute(issued.token)).role).toBe('user');
    // … and `user.changed` invalidates the user's tag, as the outbox publisher does.
    await cache.invalidateTags(tagsForEvent({ type: 'user.changed', userId: user.id }));
    expect((await authenticate.execute(issued.token)).role).toBe('admin');
  });

  it('a revocation is seen even while the identity is cached', async () => {
    const { clock, tokens, revocations, user, authenticate } = await setup();
    const issued = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    const actor = await authenticate.execute(issued.token);
    await revocations.revoke(actor.claims.tokenId, actor.claims.expiresAt);
    await expect(authenticate.execute(issued.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a malformed, expired or revoked token, and one of a user who does not exist', async () => {
    const { clock, tokens, user, authenticate } = await setup();
    await expect(authenticate.execute('garbage')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    const ghost = await tokens.issue({ userId: 999, role: 'admin' }, clock.now());
    await expect(authenticate.execute(ghost.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    const issued = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    clock.advance(3600);
    await expect(authenticate.execute(issued.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('RevokeToken', () => {
  it('a revoked token no longer authenticates; other tokens of the user still do', async () => {
    const { clock, tokens, revocations, user, authenticate } = await setup();
    const first = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    const second = await tokens.issue({ userId: user.id, role: 'user' }, clock.now());
    const actor = await authenticate.execute(first.token);
    await new RevokeToken(revocations).execute(actor.claims);
    await expect(authenticate.execute(first.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(authenticate.execute(second.token)).resolves.toMatchObject({ userId: user.id });
    expect(await revocations.isRevoked(first.tokenId)).toBe(true);
  });
});
