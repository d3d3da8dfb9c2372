import { connect } from 'node:net';
import { domainErrorCodes } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainErrorTable, hostErrorTable } from '@doctorly/http-contract';
import { errorOf, type Account, type Reply } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

let t: TestServer;
let user: Account;

beforeAll(async () => {
  t = await startTestServer({ env: { BODY_LIMIT_KB: '1' } });
  user = await t.api.user('Errors');
});
afterAll(() => t.close());

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(errorOf(reply).code).toBe(code);
}

describe('the error table', () => {
  it('maps every domain code to a 4xx or 503, and only *_NOT_FOUND codes to 404', () => {
    for (const code of domainErrorCodes) {
      const { status, description } = domainErrorTable[code];
      expect(description.length, code).toBeGreaterThan(5);
      expect(status === 503 || (status >= 400 && status < 500), code).toBe(true);
      if (status === 404) expect(code).toMatch(/_NOT_FOUND$/);
    }
    expect(domainErrorTable.SITTING_FULL.status).toBe(409);
    expect(domainErrorTable.RATE_LIMITED.status).toBe(429);
    expect(domainErrorTable.UNSUPPORTED_IMAGE.status).toBe(415);
    expect(hostErrorTable.INTERNAL.status).toBe(500);
  });
});

describe('requests the host refuses before any use case', () => {
  it('answers malformed JSON with 400, never 500', async () => {
    for (const body of ['{"name":', '{name: 1}', 'null', '"text"', '12']) {
      const reply = await t.api.request('POST', '/users/register', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect([400]).toContain(reply.status);
      expect(['MALFORMED_BODY', 'VALIDATION_FAILED']).toContain(errorOf(reply).code);
    }
  });

  it('answers a wrong content type with 415', async () => {
    const form = await t.api.request('POST', '/users/register', {
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const text = await t.api.request('POST', '/patient/new', {
      token: user.token,
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expectError(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const json = await t.api.request('POST', '/doctors/image', {
      token: user.token,
      json: { image: 'x' },
    });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over the configured limit with 413', async () => {
    const reply = await t.api.post('/users/register', {
      name: 'x'.repeat(4096),
      email: 'big@example.com',
      password: 'password-123',
    });
    expectError(reply, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('reads a missing body as {} and names the missing fields', async () => {
    const reply = await t.api.request('POST', '/users/register');
    expect(reply.status).toBe(400);
    expect(
      errorOf(reply)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['email', 'name', 'password']);
  });

  it('answers unknown routes with 404 and wrong methods with 405 and Allow', async () => {
    expectError(await t.api.get('/no/such/endpoint'), 404, 'ROUTE_NOT_FOUND');
    const wrong = await t.api.request('DELETE', '/users/info');
    expectError(wrong, 405, 'METHOD_NOT_ALLOWED');
    expect(wrong.headers.get('allow')).toContain('GET');
    expectError(await t.api.request('GET', '/users/register'), 405, 'METHOD_NOT_ALLOWED');
    expectError(await t.api.request('PATCH', '/users/info'), 405, 'METHOD_NOT_ALLOWED');
    expectError(await t.api.request('POST', '/docs'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers requests Node rejects before Koa (oversized headers, garbage) in the error shape', async () => {
    const { hostname, port } = new URL(t.base);
    const raw = (request: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => socket.end(request));
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (answer += chunk));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const oversized = await raw(
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(oversized.slice(oversized.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: 'HEADERS_TOO_LARGE',
    });
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: 'MALFORMED_REQUEST',
    });
    expect((await t.api.get('/healthz')).status).toBe(200);
  });

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await t.api.request('GET', '/healthz', {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await t.api.request('GET', '/healthz', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('operations endpoints', () => {
  it('reports liveness and readiness', async () => {
    const live = await t.api.get<{ status: string }>('/healthz');
    expect(live.body.status).toBe('ok');
    const ready = await t.api.get<{
      status: string;
      checks: Record<string, { ok: boolean; detail: string }>;
    }>('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.postgres?.ok).toBe(true);
    expect(ready.body.checks.redis?.detail).toBeDefined();
  });

  it('exposes Prometheus metrics by route template and status, and bookings', async () => {
    await t.api.get(`/doctors/get/424242`, user.token);
    await t.api.post('/patient/new_appointment', { patient_id: 424242, slot_id: 1 }, user.token);
    const metrics = await t.api.get<string>('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.body).toMatch(
      /doctorly_http_requests_total\{method="GET",route="\/doctors\/get\/:id",status="404"\} \d+/,
    );
    expect(metrics.body).toContain('doctorly_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/doctorly_bookings_total\{outcome="PATIENT_NOT_FOUND"\} 1/);
    expect(metrics.body).not.toContain('424242');
  });
});

describe('a bug in a use case', () => {
  it('answers 500 with the request id, the details only in the log', async () => {
    const useCase = t.runtime.useCases.getCurrentUser;
    const original = useCase.execute.bind(useCase);
    // No real request makes a use case throw a non-domain error: plant one, then restore.
    useCase.execute = () =>
      Promise.reject(new Error('secret detail: SELECT password_hash FROM users'));
    try {
      const failed = await t.api.get('/users/info', user.token);
      expect(failed.status).toBe(500);
      const body = errorOf(failed);
      expect(body.code).toBe('INTERNAL');
      expect(body.request_id).toBe(failed.headers.get('x-request-id'));
      expect(failed.text).not.toContain('secret');
    } finally {
      useCase.execute = original;
    }
    expect((await t.api.get('/users/info', user.token)).status).toBe(200);
  });
});

// Last: it closes the runtime under the running server.
describe('when PostgreSQL is gone', () => {
  it('answers /readyz 503 and other requests 503 UNAVAILABLE, while /healthz stays 200', async () => {
    await t.runtime.close();
    const ready = await t.api.get<{ status: string; checks: Record<string, { ok: boolean }> }>(
      '/readyz',
    );
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    expect(ready.body.checks.postgres?.ok).toBe(false);
    expect((await t.api.get('/healthz')).status).toBe(200);
    const failed = await t.api.get('/users/info', user.token);
    expect(failed.status).toBe(503);
    expect(errorOf(failed).code).toBe('UNAVAILABLE');
  });
});
