import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { JwtTokenIssuer } from './jwt-token-issuer.js';

const secret = 's'.repeat(40);
const issuer = new JwtTokenIssuer(secret, 3600);
const now = new Date('2026-03-01T10:00:00Z');

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('JwtTokenIssuer', () => {
  it('issues an HS256 token with sub, role, a unique jti and exp = now + TTL', async () => {
    const first = await issuer.issue({ userId: 7, role: 'admin' }, now);
    const second = await issuer.issue({ userId: 7, role: 'admin' }, now);
    expect(first.expiresAt).toEqual(new Date('2026-03-01T11:00:00Z'));
    expect(first.tokenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.tokenId).not.toBe(first.tokenId);
    const header = JSON.parse(
      Buffer.from(first.token.split('.')[0]!, 'base64url').toString(),
    ) as unknown;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(jwt.decode(first.token)).toMatchObject({
      sub: '7',
      role: 'admin',
      jti: first.tokenId,
      exp: Date.parse('2026-03-01T11:00:00Z') / 1000,
    });
    expect(await issuer.verify(first.token, now)).toEqual({
      userId: 7,
      role: 'admin',
      tokenId: first.tokenId,
      expiresAt: first.expiresAt,
    });
  });

  it('refuses an expired token, and accepts it just before expiry', async () => {
    const { token, expiresAt } = await issuer.issue({ userId: 1, role: 'user' }, now);
    expect(await issuer.verify(token, new Date(expiresAt.getTime() - 1000))).toBeDefined();
    expect(await issuer.verify(token, expiresAt)).toBeUndefined();
  });

  it('answers a token verified before again (claims equal, expiry still checked), also after it left its bounded memory', async () => {
    const small = new JwtTokenIssuer(secret, 3600, 2);
    const tokens = await Promise.all(
      [1, 2, 3].map((userId) => small.issue({ userId, role: 'user' }, now)),
    );
    for (let round = 0; round < 2; round++) {
      for (const [i, { token, tokenId }] of tokens.entries()) {
        expect(await small.verify(token, now)).toEqual({
          userId: i + 1,
          role: 'user',
          tokenId,
          expiresAt: tokens[i]!.expiresAt,
        });
      }
    }
    expect(await small.verify(tokens[2]!.token, tokens[2]!.expiresAt)).toBeUndefined();
    // Forgetting an expired token does not poison it: checked afresh at an earlier time, it verifies.
    expect(await small.verify(tokens[2]!.token, now)).toBeDefined();
    const [header, payload, signature] = tokens[1]!.token.split('.');
    expect(
      await small.verify(`${header}.${payload}.${signature!.slice(0, -2)}AA`, now),
    ).toBeUndefined();
  });

  it('refuses a token signed with another secret, or tampered with', async () => {
    const other = new JwtTokenIssuer('o'.repeat(40), 3600);
    const { token } = await other.issue({ userId: 1, role: 'user' }, now);
    expect(await issuer.verify(token, now)).toBeUndefined();
    const mine = (await issuer.issue({ userId: 1, role: 'user' }, now)).token;
    const [header, , signature] = mine.split('.');
    const forged = `${header}.${b64({ sub: '1', role: 'admin', jti: 'x', exp: Date.parse('2026-03-01T11:00:00Z') / 1000 })}.${signature}`;
    expect(await issuer.verify(forged, now)).toBeUndefined();
  });

  it('refuses alg none and other algorithms, even with a valid HMAC', async () => {
    const claims = {
      sub: '1',
      role: 'admin',
      jti: 'x',
      exp: Date.parse('2026-03-01T11:00:00Z') / 1000,
    };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(await issuer.verify(none, now)).toBeUndefined();
    const body = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}`;
    const hs512 = `${body}.${createHmac('sha512', secret).update(body).digest('base64url')}`;
    expect(
      jwt.verify(hs512, secret, { algorithms: ['HS512'], clockTimestamp: now.getTime() / 1000 }),
    ).toBeTruthy();
    expect(await issuer.verify(hs512, now)).toBeUndefined();
  });

  it('refuses validly signed tokens without the expected claims', async () => {
    const exp = Date.parse('2026-03-01T11:00:00Z') / 1000;
    for (const payload of [
      { role: 'user', jti: 'x', exp },
      { sub: '1', role: 'root', jti: 'x', exp },
      { sub: '1', role: 'user', exp },
      { sub: 'abc', role: 'user', jti: 'x', exp },
    ]) {
      const token = jwt.sign(payload, secret, { algorithm: 'HS256' });
      expect(await issuer.verify(token, now)).toBeUndefined();
    }
    expect(
      await issuer.verify(
        jwt.sign({ sub: '1', role: 'user', jti: 'x' }, secret, { algorithm: 'HS256' }),
        now,
      ),
    ).toBeUndefined();
  });

  it('answers undefined for garbage', async () => {
    for (const token of ['', 'a.b.c', 'not-a-jwt', 'x'.repeat(5000)])
      expect(await issuer.verify(token, now)).toBeUndefined();
  });

  it('refuses a short secret', () => {
    expect(() => new JwtTokenIssuer('short', 60)).toThrow(/32/);
  });
});
