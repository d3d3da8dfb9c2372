import type {
  AppointmentHistoryView,
  AppointmentView,
  DoctorView,
  PatientView,
  RatingView,
  SittingQueueView,
} from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, DoctorAccount } from '../test-support/api.js';
import { expectError } from '../test-support/expect.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The life of an appointment over HTTP: booked, queued, checked in, completed, rated.
let t: TestServer;
let userA: Account;

beforeAll(async () => {
  t = await startTestServer();
  userA = await t.api.user('Ann');
});
afterAll(() => t.close());

/** A booking of its own for a test: a new doctor with a Wednesday slot, and a new patient of userA booked in it. */
interface Booking {
  readonly doctor: DoctorAccount;
  readonly slot: number;
  readonly patient: number;
  readonly appointment: AppointmentView;
}

async function freshBooking(): Promise<Booking> {
  const doctor = await t.api.doctor('Lifecycle');
  const slot = await t.api.slot(doctor, { day: 'wednesday', start: '09:00' });
  const patient = await t.api.patient(userA, 'Lifecycle patient');
  const booked = await t.api.book(userA, patient, slot);
  if (booked.status !== 201) throw new Error(`booking failed: ${booked.status} ${booked.text}`);
  return { doctor, slot, patient, appointment: booked.body as AppointmentView };
}

/** Moves a booking on by its doctor (`check_in`, `complete` …), failing the test if refused. */
async function advance(booking: Booking, ...actions: string[]): Promise<void> {
  for (const action of actions) {
    const reply = await t.api.post(
      `/doctors/appointments/${booking.appointment.id}/${action}`,
      {},
      booking.doctor.token,
    );
    if (reply.status !== 200) throw new Error(`${action} failed: ${reply.status} ${reply.text}`);
  }
}

// One behaviour per test, each on a booking of its own (freshBooking).
describe('the life of an appointment', () => {
  it('books a place: queue number 1, status booked, expected at the start of its timings', async () => {
    const { appointment, patient, slot, doctor } = await freshBooking();
    expect(appointment).toMatchObject({
      patient_id: patient,
      slot_id: slot,
      queue_number: 1,
      status: 'booked',
      doctor_id: doctor.doctorId,
    });
    expect(appointment.expected_time).toBe(appointment.timings.start);
  });

  it('refuses to book the same patient twice in one sitting with 409 ALREADY_BOOKED', async () => {
    const { patient, slot, appointment } = await freshBooking();
    expectError(await t.api.book(userA, patient, slot, appointment.date), 409, 'ALREADY_BOOKED');
  });

  it("lists the booking in its owner's history, the total in X-Total-Count", async () => {
    const { appointment } = await freshBooking();
    const mine = await t.api.get<AppointmentView[]>('/patient/appointment/history', userA.token);
    expect(mine.body.map((a) => a.id)).toContain(appointment.id);
    expect(mine.headers.get('x-total-count')).not.toBeNull();
  });

  it("shows the booking in its doctor's queue of that date", async () => {
    const { appointment, slot, doctor } = await freshBooking();
    const queue = await t.api.get<SittingQueueView>(
      `/doctors/patients/${slot}?date=${appointment.date}`,
      doctor.token,
    );
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body).toMatchObject({
      slot_id: slot,
      date: appointment.date,
      booked: 1,
      places: 10,
    });
    expect(queue.body.appointments.map((a) => a.id)).toEqual([appointment.id]);
  });

  it("lists the booked patient among its doctor's patients", async () => {
    const { patient, doctor } = await freshBooking();
    const patients = await t.api.get<PatientView[]>('/doctors/patients', doctor.token);
    expect(patients.body.map((p) => p.id)).toEqual([patient]);
  });

  it('lets the doctor check a booked patient in', async () => {
    const booking = await freshBooking();
    const checkedIn = await t.api.post<AppointmentView>(
      `/doctors/appointments/${booking.appointment.id}/check_in`,
      {},
      booking.doctor.token,
    );
    expect(checkedIn.body.status).toBe('checked_in');
  });

  it('refuses a second check-in with 409 INVALID_STATUS_TRANSITION', async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in');
    const again = await t.api.post(
      `/doctors/appointments/${booking.appointment.id}/check_in`,
      {},
      booking.doctor.token,
    );
    expectError(again, 409, 'INVALID_STATUS_TRANSITION');
  });

  it('lets the doctor complete a checked-in appointment', async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in');
    const completed = await t.api.post<AppointmentView>(
      `/doctors/appointments/${booking.appointment.id}/complete`,
      {},
      booking.doctor.token,
    );
    expect(completed.body.status).toBe('completed');
  });

  it('lets the owner rate the doctor of a completed appointment', async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in', 'complete');
    const rated = await t.api.post<RatingView>(
      '/doctors/rate',
      { appointment_id: booking.appointment.id, stars: 5, review: 'Great' },
      userA.token,
    );
    expect(rated.status, rated.text).toBe(201);
    expect(rated.body).toMatchObject({
      stars: 5,
      review: 'Great',
      doctor_id: booking.doctor.doctorId,
    });
  });

  it('refuses a second rating of one appointment with 409 ALREADY_RATED', async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in', 'complete');
    await t.api.post(
      '/doctors/rate',
      { appointment_id: booking.appointment.id, stars: 5 },
      userA.token,
    );
    expectError(
      await t.api.post(
        '/doctors/rate',
        { appointment_id: booking.appointment.id, stars: 4 },
        userA.token,
      ),
      409,
      'ALREADY_RATED',
    );
  });

  it('refuses stars outside 1–5 with 400 naming `stars`', async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in', 'complete');
    expectError(
      await t.api.post(
        '/doctors/rate',
        { appointment_id: booking.appointment.id, stars: 6 },
        userA.token,
      ),
      400,
      'VALIDATION_FAILED',
      ['stars'],
    );
  });

  it("shows a rating in the doctor's profile once the outbox is relayed", async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in', 'complete');
    await t.api.post(
      '/doctors/rate',
      { appointment_id: booking.appointment.id, stars: 4 },
      userA.token,
    );
    await t.runtime.flush();
    const doctor = await t.api.get<DoctorView>(
      `/doctors/get/${booking.doctor.doctorId}`,
      userA.token,
    );
    expect(doctor.body.rating).toBe(4);
  });

  it('shows the owner every status change, oldest first', async () => {
    const booking = await freshBooking();
    await advance(booking, 'check_in', 'complete');
    const history = await t.api.get<AppointmentHistoryView>(
      `/patient/appointment/${booking.appointment.id}/history`,
      userA.token,
    );
    expect(history.body.history.map((h) => h.status)).toEqual([
      'booked',
      'checked_in',
      'completed',
    ]);
  });

  it("shows the history to the appointment's doctor too", async () => {
    const booking = await freshBooking();
    const history = await t.api.get<AppointmentHistoryView>(
      `/patient/appointment/${booking.appointment.id}/history`,
      booking.doctor.token,
    );
    expect(history.status).toBe(200);
  });
});
