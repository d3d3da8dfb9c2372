import type { AppointmentView, LeaveView, ReopenedLeaveView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { weekdayInDays } from '../test-support/day-slots.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The leave endpoints over HTTP: success, validation, another doctor's leave, and bad input
// changing nothing. Dates are days from today (UTC), as the server runs on the system clock.
let t: TestServer;
let doctor: DoctorAccount;
let other: DoctorAccount;
let user: Account;
let slot: number;

const dateIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const d1 = dateIn(3);
const d2 = dateIn(10);
const d3 = dateIn(17);

beforeAll(async () => {
  t = await startTestServer();
  doctor = await t.api.doctor('On leave');
  other = await t.api.doctor('Other');
  user = await t.api.user('Patient owner');
  // Its sittings fall 3, 10, 17 … days from today, at 10:30 UTC.
  slot = await t.api.slot(doctor, { day: weekdayInDays(3), start: '10:30' });
});
afterAll(() => t.close());

const book = async (date?: string) => t.api.book(user, await t.api.patient(user), slot, date);
const leaves = () => t.api.get<LeaveView[]>('/doctors/leave', doctor.token);
const del = (id: number | string, token: string) =>
  t.api.request<ReopenedLeaveView>('DELETE', `/doctors/leave/${id}`, { token });

describe('doctor leave', () => {
  let leave: LeaveView;
  let appointment: number;

  it('takes leave: the sittings in range are cancelled with their appointments', async () => {
    const booked = await book(d1);
    expect(booked.status).toBe(201);
    appointment = (booked.body as AppointmentView).id;
    const reply = await t.api.post<LeaveView>(
      '/doctors/leave',
      { from: d1, to: d2, reason: 'conference' },
      doctor.token,
    );
    expect(reply.status, reply.text).toBe(201);
    leave = reply.body;
    expect(leave).toMatchObject({
      doctor_id: doctor.doctorId,
      from: d1,
      to: d2,
      reason: 'conference',
      status: 'active',
      cancelled_sittings: 2,
      cancelled_appointments: 1,
    });
    const seen = await t.api.get<AppointmentView>(
      `/patient/appointment/${appointment}`,
      user.token,
    );
    expect(seen.body.status).toBe('cancelled');
  });

  it('answers SITTING_CANCELLED for a leave date, and the next sitting moves on', async () => {
    expectError(await book(d1), 409, 'SITTING_CANCELLED');
    expectError(await book(d2), 409, 'SITTING_CANCELLED');
    const next = await book();
    expect(next.status, next.text).toBe(201);
    expect((next.body as AppointmentView).date).toBe(d3);
  });

  it("lists the doctor's leaves and shows one; another doctor's leave is not found", async () => {
    const list = await leaves();
    expect(list.status).toBe(200);
    expect(list.headers.get('x-total-count')).toBe('1');
    expect(list.body).toEqual([leave]);
    expect((await t.api.get(`/doctors/leave/${leave.id}`, doctor.token)).body).toEqual(leave);
    expectError(await t.api.get(`/doctors/leave/${leave.id}`, other.token), 404, 'LEAVE_NOT_FOUND');
    expectError(await del(leave.id, other.token), 404, 'LEAVE_NOT_FOUND');
    expect((await t.api.get('/doctors/leave', other.token)).body).toEqual([]);
    expectError(await book(d1), 409, 'SITTING_CANCELLED'); // nothing re-opened
  });

  it('refuses bad input with 400 and non-doctors with 403, changing nothing', async () => {
    const bad: [unknown, string][] = [
      [{ from: d2, to: d1 }, 'to'],
      [{ from: d1, to: dateIn(3 + 366) }, 'to'],
      [{ from: 'tomorrow', to: d1 }, 'from'],
      [{ from: d1 }, 'to'],
      [{ from: d1, to: d1, reason: 'x'.repeat(501) }, 'reason'],
      [{ from: d1, to: d1, doctor_id: other.doctorId }, ''],
    ];
    for (const [body, field] of bad) {
      const reply = await t.api.post('/doctors/leave', body, doctor.token);
      expectError(reply, 400, 'VALIDATION_FAILED', field === '' ? [] : [field]);
    }
    expectError(
      await t.api.post('/doctors/leave', { from: d1, to: d1 }, user.token),
      403,
      'NOT_A_DOCTOR',
    );
    expectError(await t.api.get('/doctors/leave?limit=0', doctor.token), 400, 'VALIDATION_FAILED');
    expectError(await del('abc', doctor.token), 400, 'VALIDATION_FAILED', ['id']);
    expectError(await del(leave.id, user.token), 403, 'NOT_A_DOCTOR');
    await expectUnauthenticated(t, 'POST', '/doctors/leave');
    await expectUnauthenticated(t, 'GET', '/doctors/leave');
    expect((await leaves()).headers.get('x-total-count')).toBe('1');
    expect((await t.api.get('/doctors/leave', other.token)).body).toEqual([]);
  });

  it('re-opens the leave: its dates are bookable again, the cancelled appointment stays so', async () => {
    const reply = await del(leave.id, doctor.token);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ id: leave.id, status: 'reopened', reopened_sittings: 2 });
    expect((await book(d1)).status).toBe(201);
    const seen = await t.api.get<AppointmentView>(
      `/patient/appointment/${appointment}`,
      user.token,
    );
    expect(seen.body.status).toBe('cancelled');
    expectError(await del(leave.id, doctor.token), 409, 'LEAVE_REOPENED');
    expect((await leaves()).body[0]).toMatchObject({ id: leave.id, status: 'reopened' });
  });
});
