import type { AppointmentView, PatientView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { expectError } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The booking policy's limits over HTTP, configured as an operator would. CANCEL_NOTICE_MINUTES
// is a week (its maximum): a slot's next sitting always starts within a week, so every
// appointment here is inside the notice whatever the day the test runs (the server keeps the
// real clock).
let t: TestServer;
let doctor: DoctorAccount;
const slots: number[] = [];

beforeAll(async () => {
  t = await startTestServer({
    env: {
      MAX_ACTIVE_APPOINTMENTS_PER_USER: '2',
      MAX_PATIENTS_PER_USER: '3',
      CANCEL_NOTICE_MINUTES: String(7 * 24 * 60),
    },
  });
  doctor = await t.api.doctor('Dr Limits');
  for (const day of ['monday', 'tuesday', 'wednesday'])
    slots.push(await t.api.slot(doctor, { day, start: '09:00' }));
});
afterAll(() => t.close());

const appointment = (owner: Account, id: number) =>
  t.api.get<AppointmentView>(`/patient/appointment/${id}`, owner.token);

describe('MAX_PATIENTS_PER_USER', () => {
  it('registers up to the limit, then answers 409 TOO_MANY_PATIENTS and stores nothing', async () => {
    const ann = await t.api.user('Ann');
    for (let i = 0; i < 3; i++) await t.api.patient(ann, `Child ${i}`);
    expectError(
      await t.api.post('/patient/new', { name: 'One more', age: 3, gender: 'male' }, ann.token),
      409,
      'TOO_MANY_PATIENTS',
    );
    const all = await t.api.get<PatientView[]>('/patient/all', ann.token);
    expect(all.body.map((p) => p.name).sort()).toEqual(['Child 0', 'Child 1', 'Child 2']);
    // The limit is per account.
    await t.api.patient(await t.api.user('Bea'), 'Own child');
  });
});

describe('MAX_ACTIVE_APPOINTMENTS_PER_USER', () => {
  it('counts every patient of the account, answers 409 TOO_MANY_APPOINTMENTS, and frees a claim on cancel', async () => {
    const cem = await t.api.user('Cem');
    const first = await t.api.patient(cem, 'First');
    const second = await t.api.patient(cem, 'Second');
    const a = await t.api.book(cem, first, slots[0]!);
    const b = await t.api.book(cem, second, slots[1]!);
    expect([a.status, b.status]).toEqual([201, 201]);
    expectError(await t.api.book(cem, first, slots[2]!), 409, 'TOO_MANY_APPOINTMENTS');
    const mine = await t.api.get<AppointmentView[]>('/patient/appointment/history', cem.token);
    expect(mine.body).toHaveLength(2);
    // The doctor cancels one: the account may book again.
    const freed = (a.body as AppointmentView).id;
    const cancelled = await t.api.post(`/patient/appointment/${freed}/cancel`, {}, doctor.token);
    expect(cancelled.status).toBe(200);
    expect((await t.api.book(cem, first, slots[2]!)).status).toBe(201);
  });
});

describe('CANCEL_NOTICE_MINUTES', () => {
  it('answers the patient 409 TOO_LATE_TO_CHANGE inside the notice, changing nothing; the doctor may cancel', async () => {
    const dan = await t.api.user('Dan');
    const patient = await t.api.patient(dan, 'Dan');
    const booked = (await t.api.book(dan, patient, slots[0]!)).body as AppointmentView;
    expectError(
      await t.api.post(`/patient/appointment/${booked.id}/cancel`, {}, dan.token),
      409,
      'TOO_LATE_TO_CHANGE',
    );
    expect((await appointment(dan, booked.id)).body.status).toBe('booked');
    const byDoctor = await t.api.post<AppointmentView>(
      `/patient/appointment/${booked.id}/cancel`,
      { reason: 'the doctor is ill' },
      doctor.token,
    );
    expect(byDoctor.status).toBe(200);
    expect(byDoctor.body.status).toBe('cancelled');
  });
});
