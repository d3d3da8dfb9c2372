// GET /patient/appointment/{id}/live: the appointment's owner and its doctor receive its view
// (event id = the sitting's board version) and every change; anyone else 404, no token 401.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { LiveStream, bookedSitting } from '../test-support/live.js';

let t: TestServer;
const streams: LiveStream[] = [];

beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});
afterAll(() => t.close());

function watch(appointmentId: number, token: string): LiveStream {
  const stream = new LiveStream(`${t.base}/patient/appointment/${appointmentId}/live`, { token });
  streams.push(stream);
  return stream;
}

describe('GET /patient/appointment/{id}/live', () => {
  it('sends its owner the appointment view first, its id the board version', async () => {
    const { owner, sittingId, appointments } = await bookedSitting(t.api, { bookings: 2 });
    const mine = appointments[1]!;
    const board = (await t.api.get<{ version: number }>(`/sittings/${sittingId}/board`)).body;
    const first = await watch(mine.id, owner.token).nth(1);
    expect(first.type).toBe('appointment');
    expect(first.id).toBe(board.version);
    expect(first.data).toMatchObject({ id: mine.id, queue_number: 2, status: 'booked', ahead: 1 });
  });

  it('sends its owner a newer view when someone ahead cancels', async () => {
    const { owner, appointments } = await bookedSitting(t.api, { bookings: 2 });
    const [ahead, mine] = [appointments[0]!, appointments[1]!];
    const stream = watch(mine.id, owner.token);
    const first = await stream.nth(1);
    const reply = await t.api.post(`/patient/appointment/${ahead.id}/cancel`, {}, owner.token);
    expect(reply.status, reply.text).toBe(200);
    const next = await stream.find((e) => e.id > first.id);
    expect(next.data).toMatchObject({ id: mine.id, ahead: 0 });
  });

  it("sends the appointment's doctor its view and its changes", async () => {
    const { doctor, appointments } = await bookedSitting(t.api, { bookings: 1 });
    const mine = appointments[0]!;
    const stream = watch(mine.id, doctor.token);
    const first = await stream.nth(1);
    expect(first.data).toMatchObject({ id: mine.id, status: 'booked' });
    const reply = await t.api.post(`/doctors/appointments/${mine.id}/check_in`, {}, doctor.token);
    expect(reply.status, reply.text).toBe(200);
    const next = await stream.find((e) => e.id > first.id);
    expect(next.data).toMatchObject({ id: mine.id, status: 'checked_in' });
  });

  it('answers another user 404 APPOINTMENT_NOT_FOUND, as if it did not exist', async () => {
    const { appointments } = await bookedSitting(t.api, { bookings: 1 });
    const stranger = await t.api.user('Stranger');
    const reply = await t.api.get(
      `/patient/appointment/${appointments[0]!.id}/live`,
      stranger.token,
    );
    expectError(reply, 404, 'APPOINTMENT_NOT_FOUND');
    expect(t.server.live.openStreams().appointment).toBe(0);
  });

  it('answers another doctor 404 APPOINTMENT_NOT_FOUND', async () => {
    const { appointments } = await bookedSitting(t.api, { bookings: 1 });
    const other = await t.api.doctor('Other');
    const reply = await t.api.get(`/patient/appointment/${appointments[0]!.id}/live`, other.token);
    expectError(reply, 404, 'APPOINTMENT_NOT_FOUND');
  });

  it('answers 401 with a Bearer challenge without a token', async () => {
    const { appointments } = await bookedSitting(t.api, { bookings: 1 });
    await expectUnauthenticated(t, 'GET', `/patient/appointment/${appointments[0]!.id}/live`);
  });

  it('answers a malformed id 400 VALIDATION_FAILED', async () => {
    const owner = await t.api.user('Malformed');
    expectError(
      await t.api.get('/patient/appointment/x1/live', owner.token),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
  });
});
