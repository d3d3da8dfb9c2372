import type { AppointmentView, SittingBoardView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { daySlotBody, weekdayInDays } from '../test-support/day-slots.js';
import { expectError } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The day of the sitting over HTTP on the system clock: sittings that start within the hour
// (day-slots.ts), started, patients called in, the public board and one appointment's view.
let t: TestServer;
let owner: Account;
let stranger: Account;

beforeAll(async () => {
  t = await startTestServer();
  [owner, stranger] = [await t.api.user('Owner'), await t.api.user('Stranger')];
});
afterAll(() => t.close());

interface DayWorld {
  readonly doctor: DoctorAccount;
  readonly names: string[];
  readonly patients: number[];
  readonly booked: AppointmentView[];
  readonly sitting: number;
}

/** A new doctor whose sitting starts within the hour, three patients of `owner` booked in it. */
async function dayWorld(): Promise<DayWorld> {
  const doctor = await t.api.doctor(`Day ${Math.random().toString(36).slice(2, 8)}`);
  const slot = await t.api.slot(doctor, daySlotBody(60, 4));
  const names = ['Zubaida Qx', 'Yusuf Qx', 'Xenia Qx'].map((n) => `${n}${doctor.userId}`);
  const patients: number[] = [];
  const booked: AppointmentView[] = [];
  for (const name of names) {
    const patient = await t.api.patient(owner, name);
    const reply = await t.api.book(owner, patient, slot);
    expect(reply.status, reply.text).toBe(201);
    patients.push(patient);
    booked.push(reply.body as AppointmentView);
  }
  return { doctor, names, patients, booked, sitting: booked[0]!.sitting_id };
}

const board = async (sitting: number) => {
  const reply = await t.api.get<SittingBoardView>(`/sittings/${sitting}/board`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};
const call = (w: DayWorld, i: number, token = w.doctor.token) =>
  t.api.post<AppointmentView>(`/doctors/appointments/${w.booked[i]!.id}/call`, {}, token);
const start = (sitting: number, token?: string) =>
  t.api.post<SittingBoardView>(`/doctors/sittings/${sitting}/start`, {}, token);

/** Every number of a JSON value with the key it is under. */
function numbersIn(value: unknown, key = ''): [string, number][] {
  if (typeof value === 'number') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => numbersIn(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, k));
  return [];
}

describe('GET /sittings/{id}/board', () => {
  it('shows the queue to anyone, without a token, and no patient: no names, emails, patient or user ids', async () => {
    const w = await dayWorld();
    const reply = await t.api.get<SittingBoardView>(`/sittings/${w.sitting}/board`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      sitting_id: w.sitting,
      doctor_id: w.doctor.doctorId,
      status: 'scheduled',
      started_at: null,
      now_serving: null,
      waiting: 3,
      queue: [1, 2, 3].map((q) => ({ queue_number: q, status: 'booked' })),
    });
    for (const secret of [...w.names, owner.email, stranger.email, w.doctor.email])
      expect(reply.text).not.toContain(secret);
    expect(reply.text).not.toMatch(/patient|user|email/i);
    // Every number is one the board documents, with its true value: no id slips in elsewhere.
    const fields = new Map<string, number[]>();
    for (const [key, n] of numbersIn(reply.body)) fields.set(key, [...(fields.get(key) ?? []), n]);
    expect(Object.fromEntries(fields)).toEqual({
      sitting_id: [w.sitting],
      doctor_id: [w.doctor.doctorId],
      waiting: [3],
      queue_number: [1, 2, 3],
      version: [reply.body.version],
    });
  });

  it('answers an unknown sitting 404 and a bad id 400', async () => {
    expectError(await t.api.get('/sittings/2000000000/board'), 404, 'SITTING_NOT_FOUND');
    expectError(await t.api.get('/sittings/abc/board'), 400, 'VALIDATION_FAILED', ['id']);
    expectError(await t.api.get('/sittings/0/board'), 400, 'VALIDATION_FAILED', ['id']);
  });

  it('gives a greater version after every change: booking, start, call, cancel', async () => {
    const w = await dayWorld();
    const versions = [(await board(w.sitting)).version];
    expect((await start(w.sitting, w.doctor.token)).status).toBe(200);
    versions.push((await board(w.sitting)).version);
    expect((await call(w, 0)).status).toBe(200);
    versions.push((await board(w.sitting)).version);
    const cancelled = await t.api.post(
      `/patient/appointment/${w.booked[2]!.id}/cancel`,
      {},
      owner.token,
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    versions.push((await board(w.sitting)).version);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
  });
});

describe('POST /doctors/sittings/{id}/start', () => {
  it('starts the sitting of the day: in progress, with started_at; again answers the same start', async () => {
    const w = await dayWorld();
    const first = await start(w.sitting, w.doctor.token);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ sitting_id: w.sitting, status: 'in_progress' });
    expect(Date.parse(first.body.started_at!)).not.toBeNaN();
    const again = await start(w.sitting, w.doctor.token);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      started_at: first.body.started_at,
      version: first.body.version,
    });
  });

  it('refuses anyone but its doctor, changing nothing', async () => {
    const w = await dayWorld();
    const other = await t.api.doctor('Other day doctor');
    const before = await board(w.sitting);
    expectError(await start(w.sitting), 401, 'UNAUTHENTICATED');
    expectError(await start(w.sitting, owner.token), 403, 'NOT_A_DOCTOR');
    expectError(await start(w.sitting, other.token), 404, 'SITTING_NOT_FOUND');
    expectError(await start(2_000_000_000, w.doctor.token), 404, 'SITTING_NOT_FOUND');
    expectError(
      await t.api.post('/doctors/sittings/x/start', {}, w.doctor.token),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    expect(await board(w.sitting)).toEqual(before);
  });

  it('refuses a sitting more than two hours ahead (409 TOO_EARLY_TO_START), changing nothing', async () => {
    const doctor = await t.api.doctor('Early doctor');
    const slot = await t.api.slot(doctor, { day: weekdayInDays(3), start: '10:00' });
    const booked = await t.api.book(owner, await t.api.patient(owner, 'Early'), slot);
    const sitting = (booked.body as AppointmentView).sitting_id;
    const before = await board(sitting);
    expectError(await start(sitting, doctor.token), 409, 'TOO_EARLY_TO_START');
    expect(await board(sitting)).toEqual(before);
  });
});

describe('POST /doctors/appointments/{id}/call', () => {
  it('calls a patient in and starts the sitting; the next call completes the one before', async () => {
    const w = await dayWorld();
    const first = await call(w, 0);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      status: 'in_consultation',
      now_serving: 1,
      expected_at: null,
      ahead: null,
    });
    expect((await board(w.sitting)).status).toBe('in_progress');
    expect((await call(w, 1)).body).toMatchObject({ status: 'in_consultation', now_serving: 2 });
    const before = await t.api.get<AppointmentView>(
      `/patient/appointment/${w.booked[0]!.id}`,
      owner.token,
    );
    expect(before.body).toMatchObject({ status: 'completed', now_serving: 2 });
    const history = await t.api.get<{ history: { status: string; actor_id: number }[] }>(
      `/patient/appointment/${w.booked[0]!.id}/history`,
      owner.token,
    );
    expect(history.body.history.map((h) => [h.status, h.actor_id])).toEqual([
      ['booked', owner.userId],
      ['in_consultation', w.doctor.userId],
      ['completed', w.doctor.userId],
    ]);
  });

  it('refuses a caller other than the doctor, and a patient already seen, changing nothing', async () => {
    const w = await dayWorld();
    const other = await t.api.doctor('Other caller');
    await call(w, 0);
    await call(w, 1);
    const before = await board(w.sitting);
    expectError(await call(w, 2, owner.token), 403, 'FORBIDDEN');
    expectError(await call(w, 2, other.token), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await call(w, 2, stranger.token), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await call(w, 0), 409, 'INVALID_STATUS_TRANSITION');
    expectError(
      await t.api.post('/doctors/appointments/-1/call', {}, w.doctor.token),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    expectError(
      await t.api.post(`/doctors/appointments/${w.booked[1]!.id}/no_show`, {}, w.doctor.token),
      409,
      'INVALID_STATUS_TRANSITION',
    );
    expect((await board(w.sitting)).version).toBe(before.version);
  });
});

describe('GET /patient/appointment/{id}', () => {
  it('shows its owner and its doctor the live view: expected_at, ahead, now_serving', async () => {
    const w = await dayWorld();
    for (const token of [owner.token, w.doctor.token]) {
      const reply = await t.api.get<AppointmentView>(
        `/patient/appointment/${w.booked[2]!.id}`,
        token,
      );
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body).toMatchObject({
        id: w.booked[2]!.id,
        queue_number: 3,
        ahead: 2,
        now_serving: null,
      });
      expect(Date.parse(reply.body.expected_at!)).toBeGreaterThanOrEqual(
        Date.parse(reply.body.expected_time),
      );
    }
  });

  it('does not exist for anyone else; needs a token; refuses a bad id', async () => {
    const w = await dayWorld();
    const other = await t.api.doctor('Other reader');
    for (const token of [stranger.token, other.token])
      expectError(
        await t.api.get(`/patient/appointment/${w.booked[0]!.id}`, token),
        404,
        'APPOINTMENT_NOT_FOUND',
      );
    expectError(await t.api.get(`/patient/appointment/${w.booked[0]!.id}`), 401, 'UNAUTHENTICATED');
    expectError(
      await t.api.get('/patient/appointment/abc', owner.token),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
  });

  it('leaves GET /patient/appointment/history to the list, which has the live fields too', async () => {
    const w = await dayWorld();
    const list = await t.api.get<AppointmentView[]>(
      '/patient/appointment/history?limit=100',
      owner.token,
    );
    expect(list.status, list.text).toBe(200);
    const mine = list.body.find((a) => a.id === w.booked[1]!.id);
    expect(mine).toMatchObject({ ahead: 1, now_serving: null });
    expect(w.booked[1]).toMatchObject({
      ahead: 1,
      now_serving: null,
      expected_at: w.booked[1]!.expected_time,
    });
  });
});
