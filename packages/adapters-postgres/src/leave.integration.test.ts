import {
  AddSlot,
  BookAppointment,
  defaultBookingLimits,
  isDomainError,
  MaterializeSittings,
  ReopenLeave,
  TakeLeave,
  type Actor,
  type BookingPolicy,
} from '@doctorly/core';
import { RecordingOutboxPublisher } from '@doctorly/core/testing';
import { hasRealPostgres } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, patientsOfDistinctUsers } from './testing/fixtures.js';
import { openTestAdapters, type Engine, type TestAdapters } from './testing/test-adapters.js';

// A doctor's leave on the SQL stores, against the requests that race it: the database's locks
// (the doctor's row, then sitting rows, then appointments) decide, and every count is exact.
const engines: Engine[] = hasRealPostgres() ? ['server', 'pglite'] : ['pglite'];
const policy: BookingPolicy = { cutoffMinutes: 0, horizonWeeks: 4 };

for (const engine of engines) {
  describe(`leave on ${engine}`, () => {
    let adapters: TestAdapters;
    const publisher = new RecordingOutboxPublisher();
    beforeAll(async () => {
      adapters = await openTestAdapters(engine, { poolSize: 20 });
      adapters.clock.set('2026-01-05T09:00:00.000Z'); // a Monday
    });
    afterAll(async () => {
      await adapters?.dispose();
    });

    const useCases = () => ({
      book: new BookAppointment(
        adapters.uow,
        publisher,
        adapters.clock,
        policy,
        defaultBookingLimits,
      ),
      takeLeave: new TakeLeave(adapters.uow, publisher, adapters.clock),
      reopenLeave: new ReopenLeave(adapters.uow, publisher, adapters.clock),
      addSlot: new AddSlot(adapters.uow, publisher, adapters.clock),
      materialize: new MaterializeSittings(adapters.uow, publisher, policy),
    });

    /** A doctor (as an actor) with a Monday 08:00 UTC slot of `places` one-minute places. */
    const doctorWithSlot = (places: number) =>
      adapters.uow.transaction(async (r) => {
        const user = await newUser(r, 'Doctor');
        const doctor = await r.doctors.create({
          userId: user.id,
          description: 'd',
          image: null,
          createdAt: adapters.clock.now(),
        });
        const slot = await r.slots.create({
          doctorId: doctor.id,
          day: 'monday',
          start: '08:00',
          durationMinutes: 1,
          places,
          fee: 1,
          timeZone: 'UTC',
          createdAt: adapters.clock.now(),
        });
        const actor: Actor = { userId: user.id, role: 'user' };
        return { actor, doctor, slot };
      });

    const statuses = async (slotId: number) =>
      (await adapters.uow.read.sittings.listBySlot(slotId, '2026-01-01', '2026-03-31')).map(
        (s) => `${s.date}:${s.status}`,
      );

    it('a leave racing 40 bookings of its date: each booking is refused or cancelled by it, counted exactly', async () => {
      const uc = useCases();
      const { actor, slot } = await doctorWithSlot(30);
      const patients = await patientsOfDistinctUsers(adapters.uow, 40);
      const bookings = patients.map((p) =>
        uc.book.execute(
          { userId: p.userId, role: 'user' },
          { patient_id: p.patientId, slot_id: slot.id, date: '2026-01-12' },
        ),
      );
      const leave = uc.takeLeave.execute(actor, { from: '2026-01-12', to: '2026-01-12' });
      const results = await Promise.allSettled(bookings);
      const taken = await leave;
      const booked = results.filter((r) => r.status === 'fulfilled').length;
      const refused = results.flatMap((r) =>
        r.status === 'rejected' ? [r.reason as unknown] : [],
      );
      const cancelledCodes = ['SITTING_CANCELLED', 'SITTING_FULL'] as const;
      expect(refused.every((e) => cancelledCodes.some((c) => isDomainError(e, c)))).toBe(true);
      expect(booked).toBeLessThanOrEqual(30);
      expect(taken.cancelled_sittings).toBe(1);
      expect(taken.cancelled_appointments).toBe(booked);
      const [row] = await adapters.sql.query<{ booked: number; active: number; cancelled: number }>(
        `SELECT s.booked,
                count(a.id) FILTER (WHERE a.status <> 'cancelled')::integer AS active,
                count(a.id) FILTER (WHERE a.status = 'cancelled')::integer AS cancelled
         FROM sittings s LEFT JOIN appointments a ON a.sitting_id = s.id
         WHERE s.slot_id = $1 AND s.date = '2026-01-12' GROUP BY s.id`,
        [slot.id],
      );
      expect(row).toEqual({ booked: 0, active: 0, cancelled: booked });
      // Every cancelled appointment has the leave's history entry, once.
      const [history] = await adapters.sql.query<{ entries: number }>(
        `SELECT count(*)::integer AS entries FROM appointment_history h
         JOIN appointments a ON a.id = h.appointment_id
         WHERE a.slot_id = $1 AND h.status = 'cancelled'`,
        [slot.id],
      );
      expect(history!.entries).toBe(booked);
    });

    it('the worker never creates nor re-opens a date on leave; re-opening makes it bookable', async () => {
      const uc = useCases();
      const { actor, slot } = await doctorWithSlot(5);
      const leave = await uc.takeLeave.execute(actor, { from: '2026-01-19', to: '2026-01-26' });
      await uc.materialize.execute(adapters.clock.now());
      await uc.materialize.execute(adapters.clock.now());
      expect(await statuses(slot.id)).toEqual([
        '2026-01-12:scheduled',
        '2026-01-19:cancelled',
        '2026-01-26:cancelled',
        '2026-02-02:scheduled',
      ]);
      expect((await uc.reopenLeave.execute(actor, { id: leave.id })).reopened_sittings).toBe(2);
      expect((await statuses(slot.id)).every((s) => s.endsWith(':scheduled'))).toBe(true);
    });

    it('two overlapping leaves and a new slot at once: every date held by exactly one leave', async () => {
      const uc = useCases();
      const { actor, doctor, slot } = await doctorWithSlot(5);
      const [a, b, added] = await Promise.all([
        uc.takeLeave.execute(actor, { from: '2026-01-12', to: '2026-01-26' }),
        uc.takeLeave.execute(actor, { from: '2026-01-19', to: '2026-02-02' }),
        uc.addSlot.execute(actor, {
          day: 'tuesday',
          start: '08:00',
          appointment_duration: 1,
          num_slots: 5,
          consultation_fee: 1,
        }),
      ]);
      expect(await statuses(slot.id)).toEqual(
        ['01-12', '01-19', '01-26', '02-02'].map((d) => `2026-${d}:cancelled`),
      );
      expect(await statuses(added.id)).toEqual(
        ['01-13', '01-20', '01-27'].map((d) => `2026-${d}:cancelled`),
      );
      const [held] = await adapters.sql.query<{ held: number; unheld: number }>(
        `SELECT count(*) FILTER (WHERE leave_id IS NOT NULL)::integer AS held,
                count(*) FILTER (WHERE leave_id IS NULL)::integer AS unheld
         FROM sittings WHERE doctor_id = $1`,
        [doctor.id],
      );
      expect(held).toEqual({ held: 7, unheld: 0 });
      const counts = await adapters.uow.read.leaves.listByDoctor(doctor.id, {
        limit: 10,
        offset: 0,
      });
      expect(counts.items.reduce((n, l) => n + l.cancelledSittings, 0)).toBe(7);
      expect([a.id, b.id].sort()).toEqual(counts.items.map((l) => l.id).sort());
    });
  });
}
