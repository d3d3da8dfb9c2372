import type {
  DoctorView,
  QualificationView,
  SlotView,
  SpecializationView,
  TimingView,
} from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { expectError, expectUnauthenticated } from '../test-support/expect.js';
import { startTestServer, testPublicUrl, type TestServer } from '../test-support/harness.js';

// The endpoints of doctors and the catalog: success, validation failure,
// unauthenticated, and refused for the wrong kind of caller.
let t: TestServer;
let userA: Account;
let doctorC: DoctorAccount;
let slotC: number;

beforeAll(async () => {
  t = await startTestServer();
  userA = await t.api.user('Ann');
  doctorC = await t.api.doctor('Cyrus');
  slotC = await t.api.slot(doctorC, { day: 'wednesday', start: '09:00' });
});
afterAll(() => t.close());

describe('doctors', () => {
  it('registers a doctor and reads it in the doctor JSON shape', async () => {
    const info = await t.api.get<DoctorView>('/doctors/info', doctorC.token);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      id: doctorC.doctorId,
      description: 'Hello I am a doctor',
      image: null,
      experience: 0,
      rating: null,
      no_of_patients: 0,
      specializations: [],
      qualifications: { qualification_name: [], procurement_year: [], institute_name: [] },
    });
    expect(info.body.user).toMatchObject({ id: doctorC.userId, role: 'user', confirmed: false });
    expect(info.body.slot).toEqual([
      expect.objectContaining({
        id: slotC,
        day: 'wednesday',
        start: '09:00',
        end: '10:40',
        num_slots: 10,
      }),
    ]);
    const byId = await t.api.get<DoctorView>(`/doctors/get/${doctorC.doctorId}`, userA.token);
    expect(byId.body.id).toBe(doctorC.doctorId);
    expectError(await t.api.get('/doctors/info', userA.token), 403, 'NOT_A_DOCTOR');
    expectError(await t.api.get('/doctors/get/999999', userA.token), 404, 'DOCTOR_NOT_FOUND');
    expectError(await t.api.get('/doctors/get/abc', userA.token), 400, 'VALIDATION_FAILED', ['id']);
    expectError(
      await t.api.post('/doctors/new', { name: 'X', email: 'bad', password: 'password-123' }),
      400,
      'VALIDATION_FAILED',
      ['email'],
    );
    await expectUnauthenticated(t, 'GET', '/doctors/info');
    await expectUnauthenticated(t, 'GET', `/doctors/get/${doctorC.doctorId}`);
  });

  it('lists all doctors paged with X-Total-Count', async () => {
    await t.api.doctor('Dora');
    const page = await t.api.get<DoctorView[]>('/doctors/all?limit=1&offset=0', userA.token);
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(1);
    expect(Number(page.headers.get('x-total-count'))).toBeGreaterThanOrEqual(2);
    expectError(await t.api.get('/doctors/all?limit=101', userA.token), 400, 'VALIDATION_FAILED', [
      'limit',
    ]);
    expectError(await t.api.get('/doctors/all?offset=-1', userA.token), 400, 'VALIDATION_FAILED', [
      'offset',
    ]);
    await expectUnauthenticated(t, 'GET', '/doctors/all');
  });

  it('adds slots, refusing overlaps and invalid ones', async () => {
    const slot = await t.api.post<SlotView>(
      '/doctors/add_slot',
      {
        day: 'Friday',
        start: '14:00',
        consultation_fee: 500,
        appointment_duration: 15,
        num_slots: 4,
      },
      doctorC.token,
    );
    expect(slot.status).toBe(201);
    expect(slot.body).toMatchObject({
      day: 'friday',
      start: '14:00',
      end: '15:00',
      consultation_fee: 500,
    });
    const overlap = await t.api.post(
      '/doctors/add_slot',
      {
        day: 'friday',
        start: '14:30',
        consultation_fee: 1,
        appointment_duration: 10,
        num_slots: 2,
      },
      doctorC.token,
    );
    expectError(overlap, 409, 'SLOT_OVERLAP');
    const invalid = await t.api.post(
      '/doctors/add_slot',
      {
        day: 'someday',
        start: '25:00',
        consultation_fee: -1,
        appointment_duration: 0,
        num_slots: 0,
      },
      doctorC.token,
    );
    expectError(invalid, 400, 'VALIDATION_FAILED', [
      'day',
      'start',
      'consultation_fee',
      'appointment_duration',
      'num_slots',
    ]);
    const notDoctor = await t.api.post(
      '/doctors/add_slot',
      {
        day: 'friday',
        start: '08:00',
        consultation_fee: 1,
        appointment_duration: 10,
        num_slots: 2,
      },
      userA.token,
    );
    expectError(notDoctor, 403, 'NOT_A_DOCTOR');
    await expectUnauthenticated(t, 'POST', '/doctors/add_slot');
    const slots = await t.api.get<SlotView[]>(`/doctors/slot/${doctorC.doctorId}`, userA.token);
    expect(slots.body.map((s) => s.day).sort()).toEqual(['friday', 'wednesday']);
    expectError(await t.api.get('/doctors/slot/999999', userA.token), 404, 'DOCTOR_NOT_FOUND');
    await expectUnauthenticated(t, 'GET', `/doctors/slot/${doctorC.doctorId}`);
  });

  it('adds qualifications and specializations from the catalog', async () => {
    const doctor = await t.api.doctor('Quinn');
    const q = await t.api.post<DoctorView>(
      '/doctors/add_qualifications',
      {
        qualification_name: ['MBBS'],
        procurement_year: ['2019-08-24'],
        institute_name: ['Dow University of Health and Sciences'],
      },
      doctor.token,
    );
    expect(q.status).toBe(200);
    expect(q.body.qualifications).toEqual({
      qualification_name: ['mbbs'],
      procurement_year: ['2019-08-24'],
      institute_name: ['Dow University of Health and Sciences'],
    });
    expect(q.body.experience).toBeGreaterThanOrEqual(5);
    const mismatch = await t.api.post(
      '/doctors/add_qualifications',
      { qualification_name: ['md', 'do'], procurement_year: ['2019'], institute_name: ['X', 'Y'] },
      doctor.token,
    );
    expectError(mismatch, 400, 'VALIDATION_FAILED', ['procurement_year']);
    expectError(
      await t.api.post(
        '/doctors/add_qualifications',
        { qualification_name: ['wizard'], procurement_year: ['2019'], institute_name: ['X'] },
        doctor.token,
      ),
      404,
      'QUALIFICATION_NOT_FOUND',
    );
    const s = await t.api.post<DoctorView>(
      '/doctors/add_specializations',
      { specialization_name: ['Allergist', 'cardiologist'] },
      doctor.token,
    );
    expect(s.status).toBe(200);
    expect(s.body.specializations.map((x) => x.name).sort()).toEqual(['allergist', 'cardiologist']);
    expectError(
      await t.api.post(
        '/doctors/add_specializations',
        { specialization_name: ['astrologer'] },
        doctor.token,
      ),
      404,
      'SPECIALIZATION_NOT_FOUND',
    );
    expectError(
      await t.api.post(
        '/doctors/add_specializations',
        { specialization_name: 'allergist' },
        doctor.token,
      ),
      400,
      'VALIDATION_FAILED',
      ['specialization_name'],
    );
    expectError(
      await t.api.post(
        '/doctors/add_specializations',
        { specialization_name: ['allergist'] },
        userA.token,
      ),
      403,
      'NOT_A_DOCTOR',
    );
    await expectUnauthenticated(t, 'POST', '/doctors/add_qualifications');
    await expectUnauthenticated(t, 'POST', '/doctors/add_specializations');
  });

  it('shows timings and popular doctors', async () => {
    const timings = await t.api.get<TimingView[]>(
      `/doctors/timings/${doctorC.doctorId}`,
      userA.token,
    );
    expect(timings.status).toBe(200);
    const wednesday = timings.body.find((x) => x.slot.id === slotC);
    expect(wednesday?.occurring_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${wednesday!.occurring_date}T00:00:00Z`).getUTCDay()).toBe(3);
    expectError(await t.api.get('/doctors/timings/999999', userA.token), 404, 'DOCTOR_NOT_FOUND');
    await expectUnauthenticated(t, 'GET', `/doctors/timings/${doctorC.doctorId}`);
    const popular = await t.api.get<DoctorView[]>('/doctors/popular/doctors?limit=5', userA.token);
    expect(popular.status).toBe(200);
    expect(popular.headers.get('x-total-count')).not.toBeNull();
    expectError(
      await t.api.get('/doctors/popular/doctors?limit=0', userA.token),
      400,
      'VALIDATION_FAILED',
      ['limit'],
    );
    await expectUnauthenticated(t, 'GET', '/doctors/popular/doctors');
  });
});

describe('catalog', () => {
  it('lists qualifications and specializations with absolute image URLs or null', async () => {
    const qualifications = await t.api.get<QualificationView[]>(
      '/misc/qualifications',
      userA.token,
    );
    expect(qualifications.body.map((q) => q.name).sort()).toEqual([
      'bams',
      'bds',
      'bhms',
      'bums',
      'byns',
      'do',
      'frcps',
      'mbbs',
      'md',
    ]);
    const specializations = await t.api.get<SpecializationView[]>(
      '/misc/specializations',
      userA.token,
    );
    expect(specializations.body).toHaveLength(36);
    for (const s of specializations.body)
      if (s.image !== null) expect(s.image.startsWith(`${testPublicUrl}/static/`)).toBe(true);
    await expectUnauthenticated(t, 'GET', '/misc/qualifications');
    await expectUnauthenticated(t, 'GET', '/misc/specializations');
  });
});
