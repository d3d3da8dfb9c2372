import {
  BookAppointment,
  CancelAppointment,
  defaultBookingLimits,
  isDomainError,
  type Sitting,
} from '@doctorly/core';
import { RecordingOutboxPublisher } from '@doctorly/core/testing';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInstant, patientsOfDistinctUsers, sittingWithPlaces } from './testing/fixtures.js';
import { openTestAdapters, type Engine, type TestAdapters } from './testing/test-adapters.js';

// A full 20-place sitting with 60 waiting entries: 20 cancellations and 20 new bookings at
// once. Each cancellation promotes in its own transaction under the sitting's row lock, so
// exactly the first 20 entries get a place, in order, each once, and no new booker gets in.
const engines: Engine[] = hasRealPostgres() ? ['server', 'pglite'] : ['pglite'];
const places = 20;

for (const engine of engines) {
  describe(`waitlist promotion under concurrency on ${engine}`, () => {
    let adapters: TestAdapters;
    beforeAll(async () => {
      adapters = await openTestAdapters(engine, { poolSize: 20 });
      adapters.clock.set(bookingInstant);
    });
    afterAll(async () => {
      await adapters?.dispose();
    });

    /** A full sitting: `places` bookings of distinct users, then `waiters` entries joined in order. */
    async function fullSittingWithQueue(waiters: number) {
      const sitting = await sittingWithPlaces(adapters.uow, places);
      const holders = await patientsOfDistinctUsers(adapters.uow, places);
      const appointments = [];
      for (const h of holders) {
        appointments.push(
          await adapters.uow.transaction((r) =>
            r.appointments.book({
              sittingId: sitting.id,
              patientId: h.patientId,
              bookedBy: h.userId,
              at: bookingInstant,
              idempotencyKey: null,
            }),
          ),
        );
      }
      const queue = await patientsOfDistinctUsers(adapters.uow, waiters);
      const entries = [];
      for (const q of queue) {
        const joined = await adapters.uow.transaction((r) =>
          r.waitlist.join({
            sitting,
            patientId: q.patientId,
            joinedBy: q.userId,
            at: bookingInstant,
            limits: defaultBookingLimits,
          }),
        );
        entries.push(joined.entry);
      }
      return { sitting, holders, appointments, entries };
    }

    async function counters(sitting: Sitting) {
      const [row] = await adapters.sql.query<{
        booked: number;
        waiting: number;
        active: number;
        waitingRows: number;
        distinctNumbers: number;
        maxNumber: number;
      }>(
        `SELECT s.booked, s.waiting,
           (SELECT count(*) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')::int AS active,
           (SELECT count(*) FROM waitlist_entries w WHERE w.sitting_id = s.id AND w.status = 'waiting')::int AS "waitingRows",
           (SELECT count(DISTINCT a.queue_number) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled')::int AS "distinctNumbers",
           (SELECT coalesce(max(a.queue_number), 0) FROM appointments a WHERE a.sitting_id = s.id AND a.status <> 'cancelled') AS "maxNumber"
         FROM sittings s WHERE s.id = $1`,
        [sitting.id],
      );
      return row!;
    }

    it('promotes exactly the first 20 of 60 entries for 20 simultaneous cancellations, and admits no new booker', async () => {
      for (let round = 0; round < 3; round++) {
        const { sitting, holders, appointments, entries } = await fullSittingWithQueue(60);
        const publisher = new RecordingOutboxPublisher();
        const cancel = new CancelAppointment(
          adapters.uow,
          publisher,
          adapters.clock,
          defaultBookingLimits,
        );
        const book = new BookAppointment(
          adapters.uow,
          publisher,
          adapters.clock,
          { cutoffMinutes: 0, horizonWeeks: 4 },
          defaultBookingLimits,
        );
        const bookers = await patientsOfDistinctUsers(adapters.uow, 20);
        const slotId = sitting.slotId;
        const results = await Promise.allSettled([
          ...appointments.map((a, i) =>
            cancel.execute({ userId: holders[i]!.userId, role: 'user' }, { id: a.id }),
          ),
          ...bookers.map((b) =>
            book.execute(
              { userId: b.userId, role: 'user' },
              { patient_id: b.patientId, slot_id: slotId, date: sitting.date },
            ),
          ),
        ]);
        const cancelled = results.slice(0, places);
        const booked = results.slice(places);
        expect(cancelled.filter((r) => r.status === 'fulfilled')).toHaveLength(places);
        // Every new booker was refused: each freed place went to a waiting entry first.
        expect(
          booked.every((r) => r.status === 'rejected' && isDomainError(r.reason, 'SITTING_FULL')),
          JSON.stringify(booked.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))),
        ).toBe(true);

        const rows = await adapters.sql.query<{
          id: number;
          status: string;
          appointmentId: number | null;
        }>(
          `SELECT id, status, appointment_id AS "appointmentId" FROM waitlist_entries
           WHERE sitting_id = $1 ORDER BY id`,
          [sitting.id],
        );
        expect(rows.map((r) => r.id)).toEqual(entries.map((e) => e.id));
        expect(rows.slice(0, places).every((r) => r.status === 'promoted')).toBe(true);
        expect(rows.slice(places).every((r) => r.status === 'waiting')).toBe(true);
        const promotedTo = rows.slice(0, places).map((r) => r.appointmentId);
        expect(new Set(promotedTo).size).toBe(places);

        // Each promoted appointment: booked, its entry's patient and user, in the order of the queue.
        const promoted = await adapters.sql.query<{
          id: number;
          patientId: number;
          bookedBy: number;
          status: string;
        }>(
          `SELECT a.id, a.patient_id AS "patientId", a.booked_by AS "bookedBy", a.status
           FROM appointments a WHERE a.id = ANY($1::int[]) ORDER BY a.id`,
          [promotedTo],
        );
        expect(promoted.map((a) => a.status)).toEqual(Array(places).fill('booked'));
        expect(promoted.map((a) => [a.patientId, a.bookedBy])).toEqual(
          entries.slice(0, places).map((e) => [e.patientId, e.joinedBy]),
        );
        expect(promotedTo).toEqual([...promotedTo].sort((a, b) => a! - b!));

        const c = await counters(sitting);
        expect(c).toEqual({
          booked: places,
          waiting: 40,
          active: places,
          waitingRows: 40,
          distinctNumbers: places,
          maxNumber: places,
        });
        // History complete: a system entry per promotion.
        const [history] = await adapters.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM appointment_history
           WHERE appointment_id = ANY($1::int[]) AND actor_id IS NULL AND status = 'booked'`,
          [promotedTo],
        );
        expect(history!.n).toBe(places);
        const types = publisher.events.map((e) => e.type);
        expect(types.filter((t) => t === 'waitlist.promoted')).toHaveLength(places);
        expect(types.filter((t) => t === 'appointment.booked')).toHaveLength(places);
      }
    });
  });
}
