import { describe, expect, it } from 'vitest';
import type { TokenIssuer } from '../identity/token-issuer.js';
import { suiteSubject, type ContractSubject } from './contract-support.js';

/** What {@link describeTokenIssuerContract} runs against: an issuer and the lifetime it gives tokens. @category Testing */
export interface TokenIssuerSubject extends ContractSubject {
  readonly issuer: TokenIssuer;
  readonly ttlSeconds: number;
}

/**
 * The contract of the {@link TokenIssuer} port: claims round-trip, expiry at `now + ttl`,
 * unique ids, tampered or malformed tokens answer `undefined`. Time is passed in, so no
 * waiting. `makeSubject` is called once.
 * @category Testing
 */
export function describeTokenIssuerContract(
  name: string,
  makeSubject: () => Promise<TokenIssuerSubject>,
): void {
  describe(`TokenIssuer contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    const now = new Date('2026-01-05T09:00:00.000Z');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

    it('issues a token whose claims verify until it expires', async () => {
      const { issuer, ttlSeconds } = subject();
      const issued = await issuer.issue({ userId: 42, role: 'admin' }, now);
      expect(issued.expiresAt.getTime()).toBe(at(ttlSeconds).getTime());
      const claims = await issuer.verify(issued.token, at(1));
      expect(claims).toMatchObject({ userId: 42, role: 'admin', tokenId: issued.tokenId });
      expect(claims!.expiresAt.getTime()).toBe(issued.expiresAt.getTime());
      expect(await issuer.verify(issued.token, at(ttlSeconds - 1))).toBeDefined();
      expect(await issuer.verify(issued.token, at(ttlSeconds + 1))).toBeUndefined();
    });

    it('gives every token a unique id', async () => {
      const { issuer } = subject();
      const issued = await Promise.all(
        Array.from({ length: 25 }, () => issuer.issue({ userId: 7, role: 'user' }, now)),
      );
      expect(new Set(issued.map((t) => t.tokenId)).size).toBe(25);
      expect(new Set(issued.map((t) => t.token)).size).toBe(25);
    });

    it('answers undefined for a tampered token', async () => {
      const { issuer } = subject();
      const { token } = await issuer.issue({ userId: 7, role: 'user' }, now);
      const flip = (i: number) =>
        token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      // Not the very last character: in base64 its low bits may be padding that decoders ignore.
      for (const tampered of [
        flip(0),
        flip(Math.floor(token.length / 2)),
        flip(token.length - 5),
        `${token}x`,
        token.slice(0, -1),
      ]) {
        expect(await issuer.verify(tampered, at(1))).toBeUndefined();
      }
    });

    it('answers undefined for malformed tokens without throwing', async () => {
      const { issuer } = subject();
      for (const token of ['', 'abc', 'a.b.c', '...', 'Bearer x', '\0', 'x'.repeat(5000)]) {
        expect(await issuer.verify(token, now)).toBeUndefined();
      }
    });
  });
}
