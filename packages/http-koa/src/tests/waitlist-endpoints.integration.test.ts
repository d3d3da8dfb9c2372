import type { AppointmentView, WaitlistEntryView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The waitlist endpoints over a real socket: success, validation errors, others' entries as
// missing, bad input changing nothing, and a cancellation promoting the first entry.
let t: TestServer;
let holder: Account;
let waiter: Account;
let stranger: Account;
let doctor: DoctorAccount;
let fullSlot: number;
let roomySlot: number;
let held: number;
let waitingPatient: number;
let strangerPatient: number;

beforeAll(async () => {
  t = await startTestServer();
  [holder, waiter, stranger] = [
    await t.api.user('Holder'),
    await t.api.user('Waiter'),
    await t.api.user('Stranger'),
  ];
  doctor = await t.api.doctor('Waitlisted');
  fullSlot = await t.api.slot(doctor, { day: 'thursday', start: '09:00', num_slots: 1 });
  roomySlot = await t.api.slot(doctor, { day: 'thursday', start: '12:00', num_slots: 3 });
  const reply = await t.api.book(holder, await t.api.patient(holder, 'Seat'), fullSlot);
  held = (reply.body as AppointmentView).id;
  waitingPatient = await t.api.patient(waiter, 'Queue');
  strangerPatient = await t.api.patient(stranger, 'Other');
});
afterAll(() => t.close());

const join = (account: Account, body: unknown) =>
  t.api.post<WaitlistEntryView>('/patient/waitlist', body, account.token);
const list = async (account: Account) =>
  (await t.api.get<WaitlistEntryView[]>('/patient/waitlist', account.token)).body;
const leave = (account: Account, id: number | string) =>
  t.api.request<WaitlistEntryView>('DELETE', `/patient/waitlist/${id}`, { token: account.token });

describe('the waitlist endpoints', () => {
  it('refuses bad input with 400 and changes nothing', async () => {
    expectError(
      await join(waiter, { patient_id: 'x', slot_id: fullSlot }),
      400,
      'VALIDATION_FAILED',
      ['patient_id'],
    );
    expectError(
      await join(waiter, { patient_id: waitingPatient, slot_id: fullSlot, extra: true }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await join(waiter, { patient_id: waitingPatient, slot_id: fullSlot, date: '2026-02-31' }),
      400,
      'VALIDATION_FAILED',
      ['date'],
    );
    expectError(await t.api.get('/patient/waitlist/abc', waiter.token), 400, 'VALIDATION_FAILED');
    expectError(await leave(waiter, 0), 400, 'VALIDATION_FAILED');
    expect(await list(waiter)).toEqual([]);
  });

  it('refuses a sitting with a free place, and answers an unknown or foreign patient as missing', async () => {
    expectError(
      await join(waiter, { patient_id: waitingPatient, slot_id: roomySlot }),
      409,
      'PLACES_AVAILABLE',
    );
    expectError(
      await join(waiter, { patient_id: strangerPatient, slot_id: fullSlot }),
      404,
      'PATIENT_NOT_FOUND',
    );
    expectError(
      await join(waiter, { patient_id: waitingPatient, slot_id: 999_999 }),
      404,
      'SLOT_NOT_FOUND',
    );
    expect(await list(waiter)).toEqual([]);
  });

  it('joins a full sitting, lists and reads the entry; others see nothing of it', async () => {
    const joined = await join(waiter, { patient_id: waitingPatient, slot_id: fullSlot });
    expect(joined.status, joined.text).toBe(201);
    expect(joined.body).toMatchObject({
      patient_id: waitingPatient,
      status: 'waiting',
      position: 1,
      sitting: { slot_id: fullSlot, doctor_id: doctor.doctorId, places: 1 },
    });
    expectError(
      await join(waiter, { patient_id: waitingPatient, slot_id: fullSlot }),
      409,
      'ALREADY_WAITING',
    );
    expect((await list(waiter)).map((e) => e.id)).toEqual([joined.body.id]);
    expect(await list(stranger)).toEqual([]);
    const one = await t.api.get<WaitlistEntryView>(
      `/patient/waitlist/${joined.body.id}`,
      waiter.token,
    );
    expect(one.body).toEqual(joined.body);
    expectError(
      await t.api.get(`/patient/waitlist/${joined.body.id}`, stranger.token),
      404,
      'WAITLIST_ENTRY_NOT_FOUND',
    );
    expectError(await leave(stranger, joined.body.id), 404, 'WAITLIST_ENTRY_NOT_FOUND');
    expect((await list(waiter)).map((e) => e.status)).toEqual(['waiting']);
  });

  it('lets the owner leave once', async () => {
    const patient = await t.api.patient(waiter, 'Leaver');
    const joined = await join(waiter, { patient_id: patient, slot_id: fullSlot });
    expect(joined.body.position).toBe(2);
    const left = await leave(waiter, joined.body.id);
    expect(left.status, left.text).toBe(200);
    expect(left.body).toMatchObject({ id: joined.body.id, status: 'left', position: null });
    expectError(await leave(waiter, joined.body.id), 409, 'INVALID_STATUS_TRANSITION');
    expectError(await leave(waiter, 999_999), 404, 'WAITLIST_ENTRY_NOT_FOUND');
  });

  it('gives the freed place to the first entry when the holder cancels', async () => {
    const entry = (await list(waiter)).find((e) => e.status === 'waiting');
    const cancelled = await t.api.post(`/patient/appointment/${held}/cancel`, {}, holder.token);
    expect(cancelled.status, cancelled.text).toBe(200);
    const promoted = await t.api.get<WaitlistEntryView>(
      `/patient/waitlist/${entry!.id}`,
      waiter.token,
    );
    expect(promoted.body).toMatchObject({ status: 'promoted', position: null });
    const appointment = await t.api.get<AppointmentView>(
      `/patient/appointment/${promoted.body.appointment_id}`,
      waiter.token,
    );
    expect(appointment.body).toMatchObject({
      patient_id: waitingPatient,
      queue_number: 1,
      status: 'booked',
    });
    const mine = await t.api.get<AppointmentView[]>('/patient/appointment/history', waiter.token);
    expect(mine.body.map((a) => a.id)).toContain(appointment.body.id);
  });

  it('needs a bearer token', async () => {
    await expectUnauthenticated(t, 'POST', '/patient/waitlist');
    await expectUnauthenticated(t, 'GET', '/patient/waitlist');
    await expectUnauthenticated(t, 'GET', '/patient/waitlist/1');
    await expectUnauthenticated(t, 'DELETE', '/patient/waitlist/1');
  });
});
