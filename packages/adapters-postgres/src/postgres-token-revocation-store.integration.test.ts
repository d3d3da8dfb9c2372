import { describeTokenRevocationStoreContract } from '@doctorly/core/testing';
import { describe, expect, it } from 'vitest';
import { openTestAdapters, type Engine, type TestAdapters } from './testing/test-adapters.js';

for (const engine of ['server', 'pglite'] satisfies Engine[]) {
  let adapters: TestAdapters | undefined;
  describeTokenRevocationStoreContract(`PostgresTokenRevocationStore on ${engine}`, async () => {
    adapters = await openTestAdapters(engine);
    const { clock } = adapters;
    return {
      store: adapters.revocations,
      now: () => clock.now(),
      advance: (seconds) => Promise.resolve(clock.advance(seconds)),
      close: () => adapters!.dispose(),
    };
  });

  describe(`PostgresTokenRevocationStore.purgeExpired on ${engine}`, () => {
    it('deletes the ids of expired tokens only', async () => {
      const fresh = await openTestAdapters(engine);
      try {
        const now = fresh.clock.now();
        await fresh.revocations.revoke('old', new Date(now.getTime() + 1000));
        await fresh.revocations.revoke('new', new Date(now.getTime() + 60_000));
        fresh.clock.advance(2);
        expect(await fresh.revocations.purgeExpired()).toBe(1);
        expect(await fresh.sql.query('SELECT token_id FROM revoked_tokens')).toEqual([
          { token_id: 'new' },
        ]);
        expect(await fresh.revocations.isRevoked('new')).toBe(true);
      } finally {
        await fresh.dispose();
      }
    });
  });

  describe(`PostgresTokenRevocationStore.listUnexpired on ${engine}`, () => {
    it('lists the revocations of unexpired tokens with their expiry, and no others', async () => {
      const fresh = await openTestAdapters(engine);
      try {
        const now = fresh.clock.now();
        const later = new Date(now.getTime() + 60_000);
        await fresh.revocations.revoke('old', new Date(now.getTime() + 1000));
        await fresh.revocations.revoke('new', later);
        fresh.clock.advance(2);
        expect(await fresh.revocations.listUnexpired()).toEqual([
          { tokenId: 'new', expiresAt: later },
        ]);
      } finally {
        await fresh.dispose();
      }
    });
  });
}
