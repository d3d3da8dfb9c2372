import type { AppointmentView, SittingQueueView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type Account, type DoctorAccount } from '../test-support/api.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

let t: TestServer;
let doctor: DoctorAccount;
let slot: number;
const bookers: { account: Account; patient: number }[] = [];

beforeAll(async () => {
  t = await startTestServer();
  doctor = await t.api.doctor('Busy');
  slot = await t.api.slot(doctor, { day: 'thursday', start: '09:00', num_slots: 10 });
  // 100 patients of 20 users: concurrency across users and within one user's token.
  for (let u = 0; u < 20; u++) {
    const account = await t.api.user(`crowd${u}`);
    for (let p = 0; p < 5; p++)
      bookers.push({ account, patient: await t.api.patient(account, `p${u}-${p}`) });
  }
}, 120_000);
afterAll(() => t.close());

describe('100 concurrent bookings over HTTP on a 10-place sitting', () => {
  it('creates exactly 10, refuses 90 with SITTING_FULL, and never answers 5xx', async () => {
    const replies = await Promise.all(
      bookers.map(({ account, patient }) => t.api.book(account, patient, slot)),
    );
    const statuses = replies.map((r) => r.status);
    const created = replies.filter((r) => r.status === 201).map((r) => r.body as AppointmentView);
    const refused = replies.filter((r) => r.status !== 201);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(created).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const reply of refused) {
      expect(reply.status).toBe(409);
      expect(errorOf(reply).code).toBe('SITTING_FULL');
    }
    expect(created.map((a) => a.queue_number).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(new Set(created.map((a) => a.date)).size).toBe(1);

    const queue = await t.api.get<SittingQueueView>(
      `/doctors/patients/${slot}?date=${created[0]!.date}`,
      doctor.token,
    );
    expect(queue.body.booked).toBe(10);
    expect(queue.body.appointments).toHaveLength(10);
    const metrics = await t.api.get<string>('/metrics');
    expect(metrics.body).toMatch(/doctorly_bookings_total\{outcome="created"\} 10\n/);
    expect(metrics.body).toMatch(/doctorly_bookings_total\{outcome="SITTING_FULL"\} 90\n/);
  }, 120_000);
});
