import type { TokenView, UserView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Reply } from '../test-support/api.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// Identity: tokens (issued for HTTP Basic credentials, rate-limited, refused when forged,
// revoked) and users (registered, never as admin; the current one).
let t: TestServer;
let userA: Account;

beforeAll(async () => {
  t = await startTestServer();
  userA = await t.api.user('Ann');
});
afterAll(() => t.close());

describe('auth', () => {
  it('issues a token for HTTP Basic credentials and revokes it on logout', async () => {
    const account = await t.api.user('Logger');
    const basic = Buffer.from(`${account.email}:${account.password}`).toString('base64');
    const issued = await t.api.request<TokenView>('POST', '/auth/get_token', {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(issued.status).toBe(200);
    expect(Date.parse(issued.body.expires_at)).toBeGreaterThan(Date.now());
    const token = issued.body.token;
    expect((await t.api.get('/users/info', token)).status).toBe(200);
    const out = await t.api.request('PUT', '/auth/logout', { token });
    expect(out.status).toBe(204);
    const after = await t.api.get('/users/info', token);
    expectError(after, 401, 'UNAUTHENTICATED');
    expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses wrong credentials, missing and malformed Basic with a Basic challenge', async () => {
    const wrong = Buffer.from(`${userA.email}:not-the-password`).toString('base64');
    const refused = await t.api.request('POST', '/auth/get_token', {
      headers: { authorization: `Basic ${wrong}` },
    });
    expectError(refused, 401, 'INVALID_CREDENTIALS');
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic /);
    expectError(await t.api.request('POST', '/auth/get_token'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.api.request('POST', '/auth/get_token', { headers: { authorization: 'Basic !!!' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('rate-limits failed logins per account with 429 and Retry-After', async () => {
    const victim = await t.api.user('Victim');
    const wrong = Buffer.from(`${victim.email}:wrong-password`).toString('base64');
    const statuses: number[] = [];
    let last: Reply | undefined;
    for (let i = 0; i < 7; i++) {
      last = await t.api.request('POST', '/auth/get_token', {
        headers: { authorization: `Basic ${wrong}` },
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expectError(last!, 429, 'RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses malformed, wrongly signed and expired-looking tokens', async () => {
    expectError(
      await t.api.request('GET', '/users/info', { headers: { authorization: 'Bearer' } }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await t.api.request('GET', '/users/info', { headers: { authorization: 'Token abc' } }),
      401,
      'UNAUTHENTICATED',
    );
    const [header, payload] = userA.token.split('.');
    expectError(
      await t.api.get('/users/info', `${header}.${payload}.c2lnbmF0dXJl`),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await t.api.get('/users/info', 'not.a.jwt'), 401, 'UNAUTHENTICATED');
    await expectUnauthenticated(t, 'PUT', '/auth/logout');
  });
});

describe('users', () => {
  it('registers a user (never an admin) and reads the current one', async () => {
    const email = `New.User+${Date.now()}@Example.com`;
    const created = await t.api.post<UserView>('/users/register', {
      name: 'New',
      email,
      password: 'password-123',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'New', email: email.toLowerCase(), role: 'user' });
    expect(created.body).not.toHaveProperty('password');
    expectError(
      await t.api.post('/users/register', { name: 'Again', email, password: 'password-123' }),
      409,
      'EMAIL_TAKEN',
    );
    const me = await t.api.get<UserView>('/users/info', userA.token);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(userA.userId);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('names every invalid field', async () => {
    const reply = await t.api.post('/users/register', {
      name: '',
      email: 'nope',
      password: 'short',
      role: 'admin',
    });
    expectError(reply, 400, 'VALIDATION_FAILED', ['name', 'email', 'password']);
    await expectUnauthenticated(t, 'GET', '/users/info');
  });
});
