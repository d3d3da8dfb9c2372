import { describe, expect, it } from 'vitest';
import type { TokenRevocationStore } from '../identity/token-revocation-store.js';
import { suiteSubject, unique, type ContractSubject } from './contract-support.js';

/**
 * What {@link describeTokenRevocationStoreContract} runs against: the store, the instant the
 * store believes it is (`now`), and a way to let time pass (a manual clock, or real waiting:
 * the suite advances 1.5 s at most).
 * @category Testing
 */
export interface TokenRevocationSubject extends ContractSubject {
  readonly store: TokenRevocationStore;
  now(): Date;
  advance(seconds: number): Promise<void>;
}

/**
 * The contract of the {@link TokenRevocationStore} port: revoked ids are remembered until
 * the token would expire anyway. `makeSubject` is called once; token ids are unique per test.
 * @category Testing
 */
export function describeTokenRevocationStoreContract(
  name: string,
  makeSubject: () => Promise<TokenRevocationSubject>,
): void {
  describe(`TokenRevocationStore contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    const inSeconds = (seconds: number) => new Date(subject().now().getTime() + seconds * 1000);

    it('knows a revoked token and nothing else', async () => {
      const [revoked, other] = [`jti-${unique()}`, `jti-${unique()}`];
      expect(await subject().store.isRevoked(revoked)).toBe(false);
      await subject().store.revoke(revoked, inSeconds(3600));
      expect(await subject().store.isRevoked(revoked)).toBe(true);
      expect(await subject().store.isRevoked(other)).toBe(false);
    });

    it('revoking twice is harmless', async () => {
      const id = `jti-${unique()}`;
      await subject().store.revoke(id, inSeconds(3600));
      await subject().store.revoke(id, inSeconds(3600));
      expect(await subject().store.isRevoked(id)).toBe(true);
    });

    it('forgets a revocation once the token has expired', async () => {
      const [short, long] = [`jti-${unique()}`, `jti-${unique()}`];
      await subject().store.revoke(short, inSeconds(1));
      await subject().store.revoke(long, inSeconds(3600));
      expect(await subject().store.isRevoked(short)).toBe(true);
      await subject().advance(1.5);
      expect(await subject().store.isRevoked(short)).toBe(false);
      expect(await subject().store.isRevoked(long)).toBe(true);
    });

    it('accepts an already expired token without error', async () => {
      const id = `jti-${unique()}`;
      await subject().store.revoke(id, inSeconds(-10));
      expect(await subject().store.isRevoked(id)).toBe(false);
    });
  });
}
