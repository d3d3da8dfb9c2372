import type { AppointmentView, PatientView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type Account, type DoctorAccount, type Reply } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// Users A and B, doctors C and D, an admin: nobody reads or changes another's patients,
// appointments or queues. What the caller may not see answers as not found.
let t: TestServer;
let A: Account, B: Account, admin: Account;
let C: DoctorAccount, D: DoctorAccount;
let patientA: number, patientB: number;
let slotC: number, slotD: number;
let appointment: AppointmentView;

beforeAll(async () => {
  t = await startTestServer();
  [A, B, C, D] = [
    await t.api.user('A'),
    await t.api.user('B'),
    await t.api.doctor('C'),
    await t.api.doctor('D'),
  ];
  const email = `admin-${Date.now()}@example.com`;
  await t.runtime.useCases.createAdmin.execute({ name: 'Admin', email, password: 'password-123' });
  admin = {
    email,
    password: 'password-123',
    token: await t.api.login(email, 'password-123'),
    userId: 0,
  };
  patientA = await t.api.patient(A, 'pA');
  patientB = await t.api.patient(B, 'pB');
  slotC = await t.api.slot(C, { day: 'monday', start: '10:00' });
  slotD = await t.api.slot(D, { day: 'monday', start: '10:00' });
  const booked = await t.api.book(A, patientA, slotC);
  expect(booked.status, booked.text).toBe(201);
  appointment = booked.body as AppointmentView;
});
afterAll(() => t.close());

function code(reply: Reply): string | number {
  return reply.status < 400 ? reply.status : errorOf(reply).code;
}

describe('patients', () => {
  it('are visible to their owner, the doctor they booked, and admins only', async () => {
    const read = (who: Account) => t.api.get(`/patient/get/${patientA}`, who.token).then(code);
    expect(await read(A)).toBe(200);
    expect(await read(C)).toBe(200);
    expect(await read(admin)).toBe(200);
    expect(await read(B)).toBe('PATIENT_NOT_FOUND');
    expect(await read(D)).toBe('PATIENT_NOT_FOUND');
    expect(code(await t.api.get(`/patient/get/${patientB}`, C.token))).toBe('PATIENT_NOT_FOUND');
  });

  it('are listed only to their owner, and to a doctor only when booked with them', async () => {
    const ids = async (path: string, who: Account) =>
      (await t.api.get<PatientView[]>(path, who.token)).body.map((p) => p.id);
    expect(await ids('/patient/all', A)).toEqual([patientA]);
    expect(await ids('/patient/all', B)).toEqual([patientB]);
    expect(await ids('/doctors/patients', C)).toEqual([patientA]);
    expect(await ids('/doctors/patients', D)).toEqual([]);
    expect(code(await t.api.get('/doctors/patients', A.token))).toBe('NOT_A_DOCTOR');
  });

  it('cannot be booked by another user', async () => {
    expect(code(await t.api.book(B, patientA, slotC))).toBe('PATIENT_NOT_FOUND');
    expect(code(await t.api.book(C, patientA, slotD))).toBe('PATIENT_NOT_FOUND');
  });
});

describe('appointments', () => {
  it('are listed only to their owner', async () => {
    const ids = async (who: Account) =>
      (await t.api.get<AppointmentView[]>('/patient/appointment/history', who.token)).body.map(
        (a) => a.id,
      );
    expect(await ids(A)).toEqual([appointment.id]);
    expect(await ids(B)).toEqual([]);
    expect(await ids(D)).toEqual([]);
  });

  it('have a history visible to the owner, the doctor and admins only', async () => {
    const read = (who: Account) =>
      t.api.get(`/patient/appointment/${appointment.id}/history`, who.token).then(code);
    expect(await read(A)).toBe(200);
    expect(await read(C)).toBe(200);
    expect(await read(admin)).toBe(200);
    expect(await read(B)).toBe('APPOINTMENT_NOT_FOUND');
    expect(await read(D)).toBe('APPOINTMENT_NOT_FOUND');
  });

  it('change status only by their doctor', async () => {
    for (const action of ['check_in', 'complete', 'no_show']) {
      const as = (who: Account) =>
        t.api.post(`/doctors/appointments/${appointment.id}/${action}`, {}, who.token).then(code);
      expect(await as(D), action).toBe('APPOINTMENT_NOT_FOUND');
      expect(await as(B), action).toBe('APPOINTMENT_NOT_FOUND');
      // The owner sees the appointment, so is told it is not theirs to change.
      expect(await as(A), action).toBe('FORBIDDEN');
    }
  });

  it('cannot be rated or cancelled by others', async () => {
    expect(
      code(
        await t.api.post('/doctors/rate', { appointment_id: appointment.id, stars: 1 }, B.token),
      ),
    ).toBe('APPOINTMENT_NOT_FOUND');
    expect(
      code(
        await t.api.post('/doctors/rate', { appointment_id: appointment.id, stars: 1 }, C.token),
      ),
    ).toBe('APPOINTMENT_NOT_FOUND');
    expect(
      code(await t.api.post(`/patient/appointment/${appointment.id}/cancel`, {}, B.token)),
    ).toBe('APPOINTMENT_NOT_FOUND');
    expect(
      code(await t.api.post(`/patient/appointment/${appointment.id}/cancel`, {}, D.token)),
    ).toBe('APPOINTMENT_NOT_FOUND');
    const still = await t.api.get<{ appointment: AppointmentView }>(
      `/patient/appointment/${appointment.id}/history`,
      A.token,
    );
    expect(still.body.appointment.status).toBe('booked');
  });
});

describe('queues and sittings', () => {
  it('are visible to their own doctor and admins, and cancellable by their own doctor only', async () => {
    const queue = (who: Account, slot: number) =>
      t.api.get(`/doctors/patients/${slot}?date=${appointment.date}`, who.token).then(code);
    expect(await queue(C, slotC)).toBe(200);
    expect(await queue(D, slotC)).toBe('SLOT_NOT_FOUND');
    expect(await queue(C, slotD)).toBe('SLOT_NOT_FOUND');
    expect(await queue(A, slotC)).toBe('NOT_A_DOCTOR');
    // An admin reads every appointment, so every queue too (the access policy's one rule).
    expect(await queue(admin, slotC)).toBe(200);
    const cancel = (who: Account) =>
      t.api
        .post('/doctors/sittings/cancel', { slot_id: slotC, date: appointment.date }, who.token)
        .then(code);
    expect(await cancel(D)).toBe('SLOT_NOT_FOUND');
    expect(await cancel(A)).toBe('NOT_A_DOCTOR');
  });

  it('a doctor acts on their own: check-in then cancel by the doctor', async () => {
    expect(
      code(await t.api.post(`/doctors/appointments/${appointment.id}/check_in`, {}, C.token)),
    ).toBe(200);
    expect(
      code(await t.api.post(`/patient/appointment/${appointment.id}/cancel`, {}, C.token)),
    ).toBe(200);
  });
});

describe('the catalog', () => {
  it('is managed by admins only, and an admin is not a doctor', async () => {
    expect(
      code(
        await t.api.post(
          '/doctors/add_slot',
          {
            day: 'monday',
            start: '08:00',
            consultation_fee: 1,
            appointment_duration: 10,
            num_slots: 1,
          },
          admin.token,
        ),
      ),
    ).toBe('NOT_A_DOCTOR');
    const registered = await t.api.post<{ role: string }>('/users/register', {
      name: 'Sneaky',
      email: `sneaky-${Date.now()}@example.com`,
      password: 'password-123',
      role: 'admin',
    });
    expect(code(registered)).toBe('VALIDATION_FAILED');
  });
});
