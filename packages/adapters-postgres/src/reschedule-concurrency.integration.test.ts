import { isDomainError, type AppointmentView } from '@doctorly/core';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestAdapters, type Engine, type TestAdapters } from './testing/test-adapters.js';
import { doctorWithSlot, owners, rescheduleUseCases } from './testing/reschedule-world.js';

// A reschedule locks two sittings; these races check that it secures the new place or changes
// nothing, and that it never deadlocks with another reschedule or with a booking group commit.
// On PGlite (one connection) the same invariants hold with the requests queued.
const engines: Engine[] = hasRealPostgres() ? ['server', 'pglite'] : ['pglite'];
const rounds = 20;

for (const engine of engines) {
  describe(`reschedule under concurrency on ${engine}`, () => {
    let adapters: TestAdapters;
    beforeAll(async () => {
      adapters = await openTestAdapters(engine, { poolSize: 20 });
    });
    afterAll(async () => {
      await adapters?.dispose();
    });

    const settle = <T>(work: Promise<T>) =>
      work.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const historyOf = (id: number) => adapters.uow.read.appointments.history(id);
    const bookedIn = async (slotId: number, date: string) =>
      (await adapters.uow.read.sittings.findBySlotAndDate(slotId, date))?.booked;

    it(`a reschedule racing a booking for the last place: exactly one wins, a losing reschedule changes nothing (${rounds} rounds)`, async () => {
      const { book, reschedule } = rescheduleUseCases(adapters.uow);
      const wins = { reschedule: 0, booking: 0 };
      for (let round = 0; round < rounds; round++) {
        const slot = await doctorWithSlot(adapters.uow, 2);
        const [mover, holder, booker] = await owners(adapters.uow, 3);
        const old = await book.execute(mover!.actor, {
          patient_id: mover!.patient.id,
          slot_id: slot.id,
          date: '2026-01-12',
        });
        await book.execute(holder!.actor, {
          patient_id: holder!.patient.id,
          slot_id: slot.id,
          date: '2026-01-19',
        });
        const before = await historyOf(old.id);
        const [moved, booked] = await Promise.all([
          settle(reschedule.execute(mover!.actor, { id: old.id, date: '2026-01-19' })),
          settle(
            book.execute(booker!.actor, {
              patient_id: booker!.patient.id,
              slot_id: slot.id,
              date: '2026-01-19',
            }),
          ),
        ]);
        expect([moved.ok, booked.ok].filter(Boolean)).toHaveLength(1);
        const loser = moved.ok ? booked : moved;
        expect(
          !loser.ok && isDomainError(loser.error, 'SITTING_FULL'),
          String(!loser.ok && loser.error),
        ).toBe(true);
        expect(await bookedIn(slot.id, '2026-01-19')).toBe(2);
        const after = await adapters.uow.read.appointments.findById(old.id);
        if (moved.ok) {
          wins.reschedule += 1;
          expect(after).toMatchObject({ status: 'cancelled', rescheduledTo: moved.value.id });
          expect(await bookedIn(slot.id, '2026-01-12')).toBe(0);
        } else {
          wins.booking += 1;
          expect(after).toMatchObject({ status: 'booked', rescheduledTo: null });
          expect(await historyOf(old.id)).toEqual(before);
          expect(await bookedIn(slot.id, '2026-01-12')).toBe(1);
        }
      }
      console.log(
        `reschedule vs booking for the last place on ${engine}, ${rounds} rounds: reschedule won ${wins.reschedule}, booking won ${wins.booking}`,
      );
      expect(wins.reschedule + wins.booking).toBe(rounds);
    });

    it(`reschedules in opposite directions between two sittings, with bookings in both, all at once: no deadlock, every count exact (${rounds} rounds)`, async () => {
      const { book, reschedule } = rescheduleUseCases(adapters.uow);
      for (let round = 0; round < rounds; round++) {
        // 25 places: even if every move into one sitting lands before any move out of it,
        // 10 + 10 + 5 bookers fit, so nothing may be refused.
        const slot = await doctorWithSlot(adapters.uow, 25);
        const people = await owners(adapters.uow, 30);
        // The later sitting is stored first, so sitting ids disagree with the (slot, date)
        // lock order that booking groups follow too (a lock by id could close a cycle).
        const dates = ['2026-01-19', '2026-01-12'] as const;
        const placed: AppointmentView[] = [];
        for (let i = 0; i < 20; i++) {
          const who = people[i]!;
          placed.push(
            await book.execute(who.actor, {
              patient_id: who.patient.id,
              slot_id: slot.id,
              date: dates[i % 2],
            }),
          );
        }
        const results = await Promise.all([
          ...placed.map((a, i) =>
            settle(reschedule.execute(people[i]!.actor, { id: a.id, date: dates[(i + 1) % 2] })),
          ),
          ...people.slice(20).map((who, i) =>
            settle(
              book.execute(who.actor, {
                patient_id: who.patient.id,
                slot_id: slot.id,
                date: dates[i % 2],
              }),
            ),
          ),
        ]);
        const failures = results.filter((r) => !r.ok);
        expect(failures.map((f) => String(!f.ok && f.error))).toEqual([]);
        expect(await bookedIn(slot.id, '2026-01-12')).toBe(15);
        expect(await bookedIn(slot.id, '2026-01-19')).toBe(15);
        const [row] = await adapters.sql.query<{ cancelled: number; pointed: number }>(
          `SELECT count(*) FILTER (WHERE status = 'cancelled')::integer AS cancelled,
                  count(rescheduled_to)::integer AS pointed
           FROM appointments WHERE slot_id = $1`,
          [slot.id],
        );
        expect(row).toEqual({ cancelled: 20, pointed: 20 });
      }
    });
  });
}
