import {
  CancelAppointment,
  defaultBookingLimits,
  JoinWaitlist,
  isDomainError,
  type Actor,
} from '@doctorly/core';
import { ManualClock, RecordingOutboxPublisher } from '@doctorly/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestAdapters, type TestAdapters } from './testing/test-adapters.js';
import {
  doctorWithSlot,
  owners,
  rescheduleNow,
  rescheduleUseCases,
} from './testing/reschedule-world.js';

// Issue 18's concurrency test, through the use cases on PostgreSQL: a full 20-place sitting
// with 60 waiting; each round, all at once, its 20 holders cancel, 20 other patients try to
// book it and 10 patients try to reschedule into it from another sitting. Freed places go to
// the waitlist first (in the transaction that frees them), so a new booker — a booking or a
// reschedule in — never gets a place while anyone waits: all 30 must be refused SITTING_FULL.
const rounds = 10;
const places = 20;
const date = '2026-01-12';

interface Entry {
  id: number;
  patient_id: number;
  status: string;
  appointment_id: number | null;
}

describe('waitlist, bookings and reschedules at once on PostgreSQL', () => {
  let adapters: TestAdapters;
  beforeAll(async () => {
    adapters = await openTestAdapters('server', { poolSize: 20 });
    if (!adapters.label.startsWith('PostgreSQL'))
      console.warn(`[note] the rounds run on ${adapters.label}: DATABASE_URL is unset.`);
  });
  afterAll(async () => {
    await adapters?.dispose();
  });

  const settle = <T>(work: Promise<T>) =>
    work.then(
      () => 'ok',
      (error: unknown) => (isDomainError(error) ? error.code : String(error)),
    );
  const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

  it(`${rounds} rounds of 20 cancellations, 20 bookings and 10 reschedules in, on a full sitting with 60 waiting`, async () => {
    const { book, reschedule } = rescheduleUseCases(adapters.uow);
    const clock = new ManualClock(rescheduleNow);
    const publisher = new RecordingOutboxPublisher();
    const cancel = new CancelAppointment(adapters.uow, publisher, clock, defaultBookingLimits);
    const join = new JoinWaitlist(adapters.uow, publisher, clock, {
      cutoffMinutes: 0,
      horizonWeeks: 4,
    });
    const slot = await doctorWithSlot(adapters.uow, places);
    const waitFor = async (n: number) => {
      for (const who of await owners(adapters.uow, n))
        await join.execute(who.actor, { patient_id: who.patient.id, slot_id: slot.id, date });
    };
    for (const who of await owners(adapters.uow, places))
      await book.execute(who.actor, { patient_id: who.patient.id, slot_id: slot.id, date });
    const sittingId = (await adapters.uow.read.sittings.findBySlotAndDate(slot.id, date))!.id;
    await waitFor(60);
    const sql = adapters.sql;
    const table: Record<string, number>[] = [];

    for (let round = 1; round <= rounds; round++) {
      // The movers hold places in a sitting of another slot of the same doctor.
      const [moverSlot] = await sql.query<{ id: number }>(
        `INSERT INTO slots (doctor_id, day, start, duration_minutes, places, fee, time_zone, created_at)
         VALUES ($1, 'tuesday', make_time($2, 0, 0), 10, 10, 1, 'UTC', $3) RETURNING id`,
        [slot.doctorId, 2 * round, rescheduleNow],
      );
      const movers = await owners(adapters.uow, 10);
      const moved = [];
      for (const who of movers)
        moved.push(
          await book.execute(who.actor, { patient_id: who.patient.id, slot_id: moverSlot!.id }),
        );
      const bookers = await owners(adapters.uow, 20);
      const holders = await sql.query<{ id: number; booked_by: number }>(
        `SELECT id, booked_by FROM appointments WHERE sitting_id = $1 AND status <> 'cancelled'`,
        [sittingId],
      );
      const waitingBefore = await sql.query<Entry>(
        `SELECT id, patient_id, status, appointment_id FROM waitlist_entries
         WHERE sitting_id = $1 AND status = 'waiting' ORDER BY id`,
        [sittingId],
      );
      expect(holders).toHaveLength(places);
      expect(waitingBefore).toHaveLength(60);

      const holder = (h: { booked_by: number }): Actor => ({ userId: h.booked_by, role: 'user' });
      const [cancels, bookings, reschedules] = await Promise.all([
        Promise.all(holders.map((h) => settle(cancel.execute(holder(h), { id: h.id })))),
        Promise.all(
          bookers.map((who) =>
            settle(book.execute(who.actor, { patient_id: who.patient.id, slot_id: slot.id, date })),
          ),
        ),
        Promise.all(
          moved.map((a, i) =>
            settle(reschedule.execute(movers[i]!.actor, { id: a.id, slot_id: slot.id, date })),
          ),
        ),
      ]);

      expect(cancels).toEqual(holders.map(() => 'ok'));
      expect(bookings).toEqual(bookers.map(() => 'SITTING_FULL'));
      expect(reschedules).toEqual(moved.map(() => 'SITTING_FULL'));
      // The earliest 20 entries were promoted, each once, in order, into the freed places.
      const promoted = await sql.query<Entry>(
        `SELECT id, patient_id, status, appointment_id FROM waitlist_entries
         WHERE id = ANY($1::int[]) AND status = 'promoted' ORDER BY id`,
        [waitingBefore.map((e) => e.id)],
      );
      expect(promoted.map((e) => e.id)).toEqual(waitingBefore.slice(0, places).map((e) => e.id));
      const appointmentIds = promoted.map((e) => e.appointment_id!);
      expect([...appointmentIds].sort((a, b) => a - b)).toEqual(appointmentIds);
      const active = await sql.query<{ id: number; patient_id: number }>(
        `SELECT id, patient_id FROM appointments WHERE sitting_id = $1 AND status <> 'cancelled' ORDER BY id`,
        [sittingId],
      );
      expect(active.map((a) => a.id)).toEqual(appointmentIds);
      expect(active.map((a) => a.patient_id)).toEqual(promoted.map((e) => e.patient_id));
      const [sitting] = await sql.query<{ booked: number; waiting: number }>(
        'SELECT booked, waiting FROM sittings WHERE id = $1',
        [sittingId],
      );
      expect(sitting).toEqual({ booked: places, waiting: 60 - places });
      // No new booker got a place; every mover's old appointment is as it was.
      const [intruders] = await sql.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM appointments WHERE sitting_id = $1 AND patient_id = ANY($2::int[])`,
        [sittingId, [...bookers, ...movers].map((w) => w.patient.id)],
      );
      expect(intruders!.n).toBe(0);
      const olds = await sql.query<{ status: string; rescheduled_to: number | null; h: number }>(
        `SELECT a.status, a.rescheduled_to, (SELECT count(*)::integer FROM appointment_history h WHERE h.appointment_id = a.id) AS h
         FROM appointments a WHERE a.id = ANY($1::int[])`,
        [moved.map((a) => a.id)],
      );
      expect(olds).toEqual(moved.map(() => ({ status: 'booked', rescheduled_to: null, h: 1 })));
      table.push({
        round,
        cancelled: count(cancels, 'ok'),
        promoted: promoted.length,
        booking_refused_full: count(bookings, 'SITTING_FULL'),
        reschedule_in_refused_full: count(reschedules, 'SITTING_FULL'),
        active_after: active.length,
        waiting_after: sitting!.waiting,
      });
      await waitFor(places);
    }

    // History complete: every appointment of the sitting starts booked (by its booker, or by
    // the system for a promotion) and ends in its current status; the cancelled have two entries.
    const histories = await sql.query<{
      status: string;
      first: string;
      last: string;
      n: number;
      by_system: boolean;
    }>(
      `SELECT a.status,
              (array_agg(h.status ORDER BY h.id))[1] AS first,
              (array_agg(h.status ORDER BY h.id DESC))[1] AS last,
              count(h.id)::integer AS n,
              (array_agg(h.actor_id ORDER BY h.id))[1] IS NULL AS by_system
       FROM appointments a JOIN appointment_history h ON h.appointment_id = a.id
       WHERE a.sitting_id = $1 GROUP BY a.id`,
      [sittingId],
    );
    expect(histories).toHaveLength(places + rounds * places);
    for (const h of histories) {
      expect(h.first).toBe('booked');
      expect(h.last).toBe(h.status);
      expect(h.n).toBe(h.status === 'cancelled' ? 2 : 1);
    }
    expect(histories.filter((h) => h.by_system)).toHaveLength(rounds * places);
    console.table(table);
    expect(table).toHaveLength(rounds);
  }, 300_000);
});
