import type { AppointmentView } from '@doctorly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../test-support/api.js';
import { daySlotBody } from '../test-support/day-slots.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';

// The booking answer's live part comes from what the booking itself counted under the
// sitting's lock (no second read): it must say what a read of the same appointment says.
let t: TestServer;
let owner: Account;

beforeAll(async () => {
  t = await startTestServer();
  owner = await t.api.user('Booker');
});
afterAll(() => t.close());

const live = ({ ahead, expected_at, now_serving }: AppointmentView) => ({
  ahead,
  expected_at,
  now_serving,
});

describe('the answer to a booking', () => {
  it('counts only waiting appointments ahead (not a no-show, not a cancelled place) and matches a read', async () => {
    const doctor = await t.api.doctor(`Answer ${Math.random().toString(36).slice(2, 8)}`);
    const slot = await t.api.slot(doctor, daySlotBody(90, 6));
    const book = async (name: string) => {
      const reply = await t.api.book(owner, await t.api.patient(owner, name), slot);
      expect(reply.status, reply.text).toBe(201);
      return reply.body as AppointmentView;
    };
    const read = async (id: number) => {
      const reply = await t.api.get<AppointmentView>(`/patient/appointment/${id}`, owner.token);
      expect(reply.status, reply.text).toBe(200);
      return reply.body;
    };
    const [first, second, third] = [await book('One'), await book('Two'), await book('Three')];
    expect([first.ahead, second.ahead, third.ahead]).toEqual([0, 1, 2]);
    const noShow = await t.api.post(`/doctors/appointments/${first.id}/no_show`, {}, doctor.token);
    expect(noShow.status, noShow.text).toBe(200);
    const cancelled = await t.api.post(`/patient/appointment/${second.id}/cancel`, {}, owner.token);
    expect(cancelled.status, cancelled.text).toBe(200);
    // Queue number 2 is free again; number 1 is a no-show: nobody waits ahead of the new one.
    const fourth = await book('Four');
    expect(fourth.queue_number).toBe(2);
    expect(fourth.ahead).toBe(0);
    // Number 4: only "Three" (3) and "Four" (2) wait ahead of it.
    const fifth = await book('Five');
    expect(fifth.queue_number).toBe(4);
    expect(fifth.ahead).toBe(2);
    // Nothing changed since these two were booked (the fifth queues behind the fourth).
    for (const answer of [fourth, fifth]) {
      expect(live(answer)).toEqual(live(await read(answer.id)));
    }
    expect(fifth.expected_at).toBe(fifth.expected_time);
    expect(fifth.now_serving).toBeNull();
  });
});
