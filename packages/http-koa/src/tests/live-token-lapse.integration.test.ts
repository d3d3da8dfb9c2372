// An appointment stream outlives the check made when it opened: a logout (or expiry) of its
// token must end it, or a revoked token would keep receiving the patient's appointment.
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { bookedSitting } from '../test-support/live.js';

let t: TestServer;

beforeAll(async () => {
  // The token is checked again at every heartbeat: short, so the test does not wait 15 s.
  t = await startTestServer({ server: { live: { heartbeatMs: 100 } } });
});
afterAll(() => t.close());

/** Opens the raw stream and resolves with the response once its headers arrived. */
function open(path: string, token: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    req.on('response', resolve).on('error', reject).end();
  });
}

/** Resolves with the text received once the server ends the stream (or cuts it). */
function whenEnded(res: IncomingMessage): Promise<string> {
  let text = '';
  res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return new Promise((resolve) => res.once('close', () => resolve(text)));
}

describe('an appointment stream whose token lapses', () => {
  it('is ended by the server once the token is revoked, and the token then gets 401', async () => {
    const { owner, appointments } = await bookedSitting(t.api, { bookings: 1 });
    const path = `/patient/appointment/${appointments[0]!.id}/live`;
    const res = await open(path, owner.token);
    expect(res.statusCode).toBe(200);
    const ended = whenEnded(res);
    const logout = await t.api.request('PUT', '/auth/logout', { token: owner.token });
    expect(logout.status, logout.text).toBe(204);
    expect(await ended).toContain('event: appointment');
    const again = await open(path, owner.token);
    expect(again.statusCode).toBe(401);
    again.resume();
  });

  it('keeps running while the token holds', async () => {
    const { owner, appointments } = await bookedSitting(t.api, { bookings: 1 });
    const res = await open(`/patient/appointment/${appointments[0]!.id}/live`, owner.token);
    let heartbeats = 0;
    res.setEncoding('utf8').on('data', (chunk: string) => {
      heartbeats += chunk.split(': heartbeat').length - 1;
    });
    // Several re-checks pass (one per heartbeat) and the stream is still open.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (heartbeats >= 5) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    expect(res.destroyed).toBe(false);
    res.destroy();
  });
});
