import { isDomainError, type DomainEvent } from '@doctorly/core';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInstant, patientsOfDistinctUsers, sittingWithPlaces } from './testing/fixtures.js';
import { openTestAdapters, type Engine, type TestAdapters } from './testing/test-adapters.js';

// The database, not the code, keeps a sitting from overbooking: this hammers one sitting
// from many connections at once. On PGlite (one connection) it checks the same invariants
// with the requests queued.
const engines: Engine[] = hasRealPostgres() ? ['server', 'pglite'] : ['pglite'];
if (!hasRealPostgres())
  console.warn(
    'booking concurrency: no DATABASE_URL, running on PGlite only (no real parallelism)',
  );

for (const engine of engines) {
  describe(`concurrent booking on ${engine}`, () => {
    let adapters: TestAdapters;
    beforeAll(async () => {
      adapters = await openTestAdapters(engine, { poolSize: 20 });
    });
    afterAll(async () => {
      await adapters?.dispose();
    });

    /** Books as the use case does: one transaction taking the place and appending an event. */
    const book = (sittingId: number, who: { userId: number; patientId: number }) =>
      adapters.uow.transaction(async (r) => {
        const appointment = await r.appointments.book({
          sittingId,
          patientId: who.patientId,
          bookedBy: who.userId,
          at: bookingInstant,
          idempotencyKey: null,
        });
        const event: DomainEvent = {
          type: 'appointment.changed',
          appointmentId: appointment.id,
          doctorId: appointment.doctorId,
          sittingId,
          patientId: who.patientId,
          ownerId: who.userId,
        };
        await r.outbox.append([event], bookingInstant);
        return appointment;
      });

    async function expectConsistent(sittingId: number, places: number) {
      const [row] = await adapters.sql.query<{
        booked: number;
        active: number;
        distinct_numbers: number;
        max_number: number;
      }>(
        `SELECT s.booked,
                count(a.id) FILTER (WHERE a.status <> 'cancelled')::integer AS active,
                count(DISTINCT a.queue_number) FILTER (WHERE a.status <> 'cancelled')::integer AS distinct_numbers,
                coalesce(max(a.queue_number) FILTER (WHERE a.status <> 'cancelled'), 0) AS max_number
         FROM sittings s LEFT JOIN appointments a ON a.sitting_id = s.id WHERE s.id = $1 GROUP BY s.id`,
        [sittingId],
      );
      expect(row!.booked).toBe(row!.active);
      expect(row!.distinct_numbers).toBe(row!.active);
      expect(row!.booked).toBeLessThanOrEqual(places);
      expect(row!.max_number).toBeLessThanOrEqual(places);
    }

    it('gives exactly 20 of 200 simultaneous bookings a place, numbers 1..20 once each, in several rounds', async () => {
      for (let round = 0; round < 3; round++) {
        const sitting = await sittingWithPlaces(adapters.uow, 20);
        const patients = await patientsOfDistinctUsers(adapters.uow, 200);
        const results = await Promise.allSettled(patients.map((p) => book(sitting.id, p)));
        const booked = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const refused = results.flatMap((r) =>
          r.status === 'rejected' ? [r.reason as unknown] : [],
        );
        expect(booked).toHaveLength(20);
        expect(
          refused.every((e) => isDomainError(e, 'SITTING_FULL')),
          String(refused.find((e) => !isDomainError(e, 'SITTING_FULL'))),
        ).toBe(true);
        expect(booked.map((a) => a.queueNumber).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
        expect((await adapters.uow.read.sittings.findById(sitting.id))!.booked).toBe(20);
        await expectConsistent(sitting.id, 20);
        const [events] = await adapters.sql.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM outbox WHERE event->>'sittingId' = $1`,
          [String(sitting.id)],
        );
        expect(events!.n).toBe(20); // refused bookings left no event behind
      }
    });

    it('gives exactly 20 of 200 simultaneous one-step bookings a place while their sitting is created, events included', async () => {
      const existing = await sittingWithPlaces(adapters.uow, 20);
      // The next Monday's sitting of the same slot is not stored: the bookers race to create it.
      const newSitting = {
        slotId: existing.slotId,
        doctorId: existing.doctorId,
        date: '2026-01-19',
        places: 20,
        durationMinutes: 1,
        startsAt: new Date('2026-01-19T08:00:00.000Z'),
        endsAt: new Date('2026-01-19T08:20:00.000Z'),
      };
      const patients = await patientsOfDistinctUsers(adapters.uow, 200);
      const results = await Promise.allSettled(
        patients.map((p) =>
          adapters.uow.transaction(async (r) => {
            const details = await r.appointments.ensureSittingAndBook({
              sitting: newSitting,
              patientId: p.patientId,
              bookedBy: p.userId,
              at: bookingInstant,
              idempotencyKey: null,
            });
            const { appointment } = details;
            await r.outbox.append(
              [
                {
                  type: 'appointment.changed',
                  appointmentId: appointment.id,
                  doctorId: appointment.doctorId,
                  sittingId: appointment.sittingId,
                  patientId: p.patientId,
                  ownerId: p.userId,
                },
              ],
              bookingInstant,
            );
            return appointment;
          }),
        ),
      );
      const booked = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.flatMap((r) =>
        r.status === 'rejected' ? [r.reason as unknown] : [],
      );
      expect(
        refused.every((e) => isDomainError(e, 'SITTING_FULL')),
        String(refused.find((e) => !isDomainError(e, 'SITTING_FULL'))),
      ).toBe(true);
      expect(booked.map((a) => a.queueNumber).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const stored = await adapters.uow.read.sittings.findBySlotAndDate(
        existing.slotId,
        '2026-01-19',
      );
      expect(new Set(booked.map((a) => a.sittingId))).toEqual(new Set([stored!.id]));
      expect(stored!.booked).toBe(20);
      await expectConsistent(stored!.id, 20);
      const [events] = await adapters.sql.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM outbox WHERE event->>'sittingId' = $1`,
        [String(stored!.id)],
      );
      expect(events!.n).toBe(20);
    });

    it('never exceeds the places when cancellations and bookings race', async () => {
      for (let round = 0; round < 3; round++) {
        const sitting = await sittingWithPlaces(adapters.uow, 20);
        const first = await patientsOfDistinctUsers(adapters.uow, 20);
        const holders = await Promise.all(first.map((p) => book(sitting.id, p)));
        const newcomers = await patientsOfDistinctUsers(adapters.uow, 60);
        const cancelled = holders.filter((_, i) => i % 2 === 0);
        const cancel = (id: number) =>
          adapters.uow.transaction((r) =>
            r.appointments.transition(id, {
              from: ['booked', 'checked_in'],
              to: 'cancelled',
              actorId: null,
              at: bookingInstant,
              reason: 'race',
            }),
          );
        const outcomes = await Promise.allSettled([
          ...newcomers.map((p) => book(sitting.id, p)),
          ...cancelled.map((a) => cancel(a.id)),
        ]);
        const errors = outcomes.flatMap((o) =>
          o.status === 'rejected' ? [o.reason as unknown] : [],
        );
        expect(
          errors.every((e) => isDomainError(e, 'SITTING_FULL')),
          String(errors.find((e) => !isDomainError(e, 'SITTING_FULL'))),
        ).toBe(true);
        const newlyBooked = outcomes
          .slice(0, newcomers.length)
          .filter((o) => o.status === 'fulfilled').length;
        // Every cancellation happened; each freed place went to at most one newcomer.
        expect(newlyBooked).toBeLessThanOrEqual(cancelled.length);
        await expectConsistent(sitting.id, 20);
        const after = await adapters.uow.read.sittings.findById(sitting.id);
        expect(after!.booked).toBe(20 - cancelled.length + newlyBooked);
      }
    });
  });
}
