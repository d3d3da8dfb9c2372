import type {
  AppointmentHistoryView,
  AppointmentView,
  CancelledSittingView,
  PatientView,
  TimingView,
} from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// Every endpoint of patients, appointments and sittings: success, validation failure,
// unauthenticated, and refused for others.
let t: TestServer;
let userA: Account;
let doctorC: DoctorAccount;
let patientA: number;
let slotC: number;

beforeAll(async () => {
  t = await startTestServer();
  userA = await t.api.user('Ann');
  doctorC = await t.api.doctor('Cyrus');
  patientA = await t.api.patient(userA, 'Ann junior');
  slotC = await t.api.slot(doctorC, { day: 'wednesday', start: '09:00' });
});
afterAll(() => t.close());

describe('patients', () => {
  it("registers, lists and reads the current user's patients", async () => {
    const created = await t.api.post<PatientView>(
      '/patient/new',
      { name: 'Grandpa', age: 81, gender: 'Male', symptoms: 'knee' },
      userA.token,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Grandpa',
      age: 81,
      gender: 'male',
      symptoms: 'knee',
    });
    const all = await t.api.get<PatientView[]>('/patient/all', userA.token);
    expect(all.body.map((p) => p.id)).toEqual(expect.arrayContaining([patientA, created.body.id]));
    expect(Number(all.headers.get('x-total-count'))).toBe(all.body.length);
    const one = await t.api.get<PatientView>(`/patient/get/${patientA}`, userA.token);
    expect(one.body.id).toBe(patientA);
    expectError(
      await t.api.post('/patient/new', { name: 'X', age: 200, gender: 'robot' }, userA.token),
      400,
      'VALIDATION_FAILED',
      ['age', 'gender'],
    );
    expectError(await t.api.get('/patient/get/999999', userA.token), 404, 'PATIENT_NOT_FOUND');
    const other = await t.api.user('Other');
    expectError(await t.api.get(`/patient/get/${patientA}`, other.token), 404, 'PATIENT_NOT_FOUND');
    await expectUnauthenticated(t, 'POST', '/patient/new');
    await expectUnauthenticated(t, 'GET', '/patient/all');
    await expectUnauthenticated(t, 'GET', `/patient/get/${patientA}`);
  });
});

describe('appointments and sittings', () => {
  it('refuses invalid bookings with specific errors', async () => {
    expectError(
      await t.api.post(
        '/patient/new_appointment',
        { patient_id: 'x', slot_id: slotC },
        userA.token,
      ),
      400,
      'VALIDATION_FAILED',
      ['patient_id'],
    );
    expectError(await t.api.book(userA, 999999, slotC), 404, 'PATIENT_NOT_FOUND');
    expectError(await t.api.book(userA, patientA, 999999), 404, 'SLOT_NOT_FOUND');
    const timings = await t.api.get<TimingView[]>(
      `/doctors/timings/${doctorC.doctorId}`,
      userA.token,
    );
    const next = timings.body.find((x) => x.slot.id === slotC)!.occurring_date;
    const thursday = new Date(Date.parse(`${next}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expectError(await t.api.book(userA, patientA, slotC, thursday), 400, 'NOT_A_SITTING_DATE');
    const far = new Date(Date.parse(`${next}T00:00:00Z`) + 52 * 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expectError(await t.api.book(userA, patientA, slotC, far), 409, 'SITTING_OUT_OF_HORIZON');
    const past = new Date(Date.parse(`${next}T00:00:00Z`) - 5 * 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const pastReply = await t.api.book(userA, patientA, slotC, past);
    expect([409]).toContain(pastReply.status);
    await expectUnauthenticated(t, 'POST', '/patient/new_appointment');
    await expectUnauthenticated(t, 'GET', '/patient/appointment/history');
  });

  it('is idempotent with an Idempotency-Key', async () => {
    const patient = await t.api.patient(userA, 'Idem');
    const request = () =>
      t.api.request<AppointmentView>('POST', '/patient/new_appointment', {
        token: userA.token,
        json: { patient_id: patient, slot_id: slotC },
        headers: { 'idempotency-key': `key-${patient}` },
      });
    const first = await request();
    const again = await request();
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('cancels an appointment (owner) and marks a no-show (doctor)', async () => {
    const p1 = await t.api.patient(userA, 'Cancel me');
    const p2 = await t.api.patient(userA, 'No show');
    const a1 = (await t.api.book(userA, p1, slotC)).body as AppointmentView;
    const a2 = (await t.api.book(userA, p2, slotC)).body as AppointmentView;
    const cancelled = await t.api.post<AppointmentView>(
      `/patient/appointment/${a1.id}/cancel`,
      { reason: 'feeling better' },
      userA.token,
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const noBody = await t.api.request('POST', `/patient/appointment/${a1.id}/cancel`, {
      token: userA.token,
    });
    expectError(noBody, 409, 'INVALID_STATUS_TRANSITION');
    expectError(
      await t.api.post(`/patient/appointment/${a1.id}/cancel`, { reason: 7 }, userA.token),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    const noShow = await t.api.post<AppointmentView>(
      `/doctors/appointments/${a2.id}/no_show`,
      {},
      doctorC.token,
    );
    expect(noShow.body.status).toBe('no_show');
    expectError(
      await t.api.post(`/doctors/appointments/${a2.id}/complete`, {}, userA.token),
      403,
      'FORBIDDEN',
    );
    expectError(
      await t.api.post('/doctors/appointments/abc/complete', {}, doctorC.token),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    for (const action of ['check_in', 'complete', 'no_show'])
      await expectUnauthenticated(t, 'POST', `/doctors/appointments/${a2.id}/${action}`);
    await expectUnauthenticated(t, 'POST', `/patient/appointment/${a1.id}/cancel`);
    await expectUnauthenticated(t, 'GET', `/patient/appointment/${a1.id}/history`);
    await expectUnauthenticated(t, 'POST', '/doctors/rate');
  });

  it('lets a doctor cancel a sitting, cancelling its appointments', async () => {
    const slot = await t.api.slot(doctorC, { day: 'saturday', start: '11:00' });
    const patient = await t.api.patient(userA, 'Saturday');
    const booked = (await t.api.book(userA, patient, slot)).body as AppointmentView;
    expectError(
      await t.api.post('/doctors/sittings/cancel', { slot_id: slot }, doctorC.token),
      400,
      'VALIDATION_FAILED',
      ['date'],
    );
    expectError(
      await t.api.post(
        '/doctors/sittings/cancel',
        { slot_id: slot, date: booked.date },
        userA.token,
      ),
      403,
      'NOT_A_DOCTOR',
    );
    const cancelled = await t.api.post<CancelledSittingView>(
      '/doctors/sittings/cancel',
      { slot_id: slot, date: booked.date, reason: 'holiday' },
      doctorC.token,
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({
      slot_id: slot,
      date: booked.date,
      status: 'cancelled',
      cancelled_appointments: 1,
    });
    const history = await t.api.get<AppointmentHistoryView>(
      `/patient/appointment/${booked.id}/history`,
      userA.token,
    );
    expect(history.body.appointment.status).toBe('cancelled');
    expectError(await t.api.book(userA, patient, slot, booked.date), 409, 'SITTING_CANCELLED');
    await expectUnauthenticated(t, 'POST', '/doctors/sittings/cancel');
    await expectUnauthenticated(t, 'GET', `/doctors/patients/${slot}`);
    await expectUnauthenticated(t, 'GET', '/doctors/patients');
    expectError(
      await t.api.get(`/doctors/patients/${slot}?date=not-a-date`, doctorC.token),
      400,
      'VALIDATION_FAILED',
      ['date'],
    );
  });
});
