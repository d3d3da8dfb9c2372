import type { AppointmentHistoryView, AppointmentView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// POST /patient/appointment/{id}/reschedule over a real socket, on the system clock: success,
// validation, others' appointments, refusals that change nothing.
let t: TestServer;
let ann: Account;
let doctor: DoctorAccount;

beforeAll(async () => {
  t = await startTestServer();
  ann = await t.api.user('Ann');
  doctor = await t.api.doctor('Rhea');
});
afterAll(() => t.close());

const weekLater = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
const reschedule = (id: number | string, body: unknown, token = ann.token) =>
  t.api.post<AppointmentView>(`/patient/appointment/${id}/reschedule`, body, token);
const appointment = async (id: number) =>
  (await t.api.get<AppointmentView>(`/patient/appointment/${id}`, ann.token)).body;
const history = async (id: number) =>
  (await t.api.get<AppointmentHistoryView>(`/patient/appointment/${id}/history`, ann.token)).body
    .history;

/** A fresh slot of the doctor (`places` places) and Ann's booking in its next sitting. */
async function booked(places = 5, start = '09:00'): Promise<{ slot: number; a: AppointmentView }> {
  const slot = await t.api.slot(doctor, { day: 'thursday', start, num_slots: places });
  const patient = await t.api.patient(ann, 'Moving patient');
  const reply = await t.api.book(ann, patient, slot);
  expect(reply.status, reply.text).toBe(201);
  return { slot, a: reply.body as AppointmentView };
}

describe('POST /patient/appointment/{id}/reschedule', () => {
  it('moves the appointment a week later: 201 with the new one; the old one cancelled and pointing at it', async () => {
    const { slot, a } = await booked(5, '06:00');
    const moved = await reschedule(a.id, { date: weekLater(a.date) });
    expect(moved.status, moved.text).toBe(201);
    expect(moved.body).toMatchObject({
      slot_id: slot,
      date: weekLater(a.date),
      queue_number: 1,
      status: 'booked',
      rescheduled_to: null,
    });
    expect(await appointment(a.id)).toMatchObject({
      status: 'cancelled',
      rescheduled_to: moved.body.id,
    });
    expect((await history(a.id)).at(-1)).toMatchObject({
      status: 'cancelled',
      reason: 'rescheduled',
    });
  });

  it('moves to another slot of the same doctor; refuses the same sitting and another doctor', async () => {
    const { a } = await booked(5, '07:00');
    const other = await t.api.slot(doctor, { day: 'friday', start: '07:00' });
    expectError(await reschedule(a.id, {}), 409, 'SAME_SITTING');
    const stranger = await t.api.doctor('Other doctor');
    const theirs = await t.api.slot(stranger, { day: 'friday', start: '07:00' });
    expectError(await reschedule(a.id, { slot_id: theirs }), 409, 'DIFFERENT_DOCTOR');
    expect((await appointment(a.id)).status).toBe('booked');
    const moved = await reschedule(a.id, { slot_id: other });
    expect(moved.status, moved.text).toBe(201);
    expect(moved.body.slot_id).toBe(other);
  });

  it('refuses bad input with 400 VALIDATION_FAILED and changes nothing', async () => {
    const { a } = await booked(5, '08:00');
    const before = await history(a.id);
    expectError(await reschedule(a.id, { date: 'next week' }), 400, 'VALIDATION_FAILED', ['date']);
    expectError(await reschedule(a.id, { slot_id: 'x' }), 400, 'VALIDATION_FAILED', ['slot_id']);
    expectError(await reschedule(a.id, { when: 'later' }), 400, 'VALIDATION_FAILED');
    expectError(await reschedule('abc', {}), 400, 'VALIDATION_FAILED', ['id']);
    expectError(await reschedule(a.id, { slot_id: 99_999_999 }), 404, 'SLOT_NOT_FOUND');
    expect(await history(a.id)).toEqual(before);
    expect((await appointment(a.id)).status).toBe('booked');
  });

  it("answers 404 for others' appointments (another user, the doctor) and 401 without a token", async () => {
    const { a } = await booked(5, '10:00');
    const mallory = await t.api.user('Mallory');
    const body = { date: weekLater(a.date) };
    expectError(await reschedule(a.id, body, mallory.token), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await reschedule(a.id, body, doctor.token), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await reschedule(99_999_999, body), 404, 'APPOINTMENT_NOT_FOUND');
    await expectUnauthenticated(t, 'POST', `/patient/appointment/${a.id}/reschedule`);
    expect((await appointment(a.id)).status).toBe('booked');
  });

  it('answers 409 SITTING_FULL for a full target and leaves the old appointment untouched', async () => {
    const { slot, a } = await booked(1, '11:00');
    const bob = await t.api.user('Bob');
    const bobs = await t.api.patient(bob, 'Bob junior');
    expect((await t.api.book(bob, bobs, slot, weekLater(a.date))).status).toBe(201);
    const before = await history(a.id);
    expectError(await reschedule(a.id, { date: weekLater(a.date) }), 409, 'SITTING_FULL');
    expect(await appointment(a.id)).toMatchObject({ status: 'booked', rescheduled_to: null });
    expect(await history(a.id)).toEqual(before);
  });

  it('answers 409 TOO_LATE_TO_CHANGE once the planned time has passed, changing nothing', async () => {
    const { a } = await booked(5, '12:00');
    // The sitting as if it had begun five minutes ago (and runs for an hour): a fixture, since
    // a booking is only taken before the start.
    await t.runtime.sql!.query(
      `UPDATE sittings SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '1 hour'
       WHERE id = $1`,
      [a.sitting_id],
    );
    expectError(await reschedule(a.id, { date: weekLater(a.date) }), 409, 'TOO_LATE_TO_CHANGE');
    expect((await appointment(a.id)).status).toBe('booked');
  });
});
