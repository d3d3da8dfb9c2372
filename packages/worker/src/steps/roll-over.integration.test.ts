import { describeOnPostgresServer } from '@doctorly/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addDoctor,
  addPatient,
  openHarness,
  outboxRows,
  type Harness,
  type WorkerProcess,
} from '../testing/harness.js';

// Sittings of Europe/Berlin slots around the EU spring change (Sunday 2026-03-29, 02:00 CET
// → 03:00 CEST) and a week boundary, ticked by a worker on a fake clock.
describeOnPostgresServer('worker roll-over across a week boundary and a DST change')(
  'worker roll-over across a week boundary and a DST change',
  () => {
    let h: Harness;
    let w: WorkerProcess;
    let sunday: number;
    let monday: number;
    let doctorId: number;

    const sittings = async (slotId: number) =>
      (
        await h.pg.sql.query<{ date: string; status: string; startsAt: Date; endsAt: Date }>(
          `SELECT to_char(date, 'YYYY-MM-DD') AS date, status, starts_at AS "startsAt", ends_at AS "endsAt"
       FROM sittings WHERE slot_id = $1 ORDER BY date`,
          [slotId],
        )
      ).map(
        (s) =>
          `${s.date} ${s.status} ${s.startsAt.toISOString().slice(11, 16)}-${s.endsAt.toISOString().slice(11, 16)}Z`,
      );

    beforeAll(async () => {
      h = await openHarness('2026-03-20T12:00:00.000Z'); // a Friday; horizon 2 weeks
      const dr = await addDoctor(h, 'Ayesha Khan');
      doctorId = dr.doctorId;
      // 02:30 does not exist in Berlin on 29 March: RFC 5545 reads it at the offset before the gap.
      sunday = (
        await h.useCases.addSlot.execute(dr.actor, {
          day: 'sunday',
          start: '02:30',
          consultation_fee: 10,
          appointment_duration: 10,
          num_slots: 3,
          time_zone: 'Europe/Berlin',
        })
      ).id;
      monday = (
        await h.useCases.addSlot.execute(dr.actor, {
          day: 'monday',
          start: '09:00',
          consultation_fee: 10,
          appointment_duration: 15,
          num_slots: 4,
          time_zone: 'Europe/Berlin',
        })
      ).id;
      w = await h.worker();
    });
    afterAll(async () => {
      await h?.dispose();
    });

    it('stores the sittings up to the horizon on the first tick, with DST-correct instants', async () => {
      const report = await w.worker.tick();
      expect(report.steps.map((s) => [s.step, s.outcome])).toEqual([
        ['materialize-sittings', 'ran'],
        ['close-ended-sittings', 'ran'],
        ['relay-outbox', 'ran'],
        ['reconcile-search-index', 'ran'],
        ['prune-outbox', 'ran'],
      ]);
      expect(report.steps[0]?.counts).toEqual({ slots: 2, created: 4 });
      expect(await sittings(sunday)).toEqual([
        '2026-03-22 scheduled 01:30-02:00Z', // CET (+01:00)
        '2026-03-29 scheduled 01:30-02:00Z', // in the gap: 02:30 at +01:00 = 03:30 CEST
      ]);
      expect(await sittings(monday)).toEqual([
        '2026-03-23 scheduled 08:00-09:00Z',
        '2026-03-30 scheduled 07:00-08:00Z',
      ]);
      // Each new sitting's event was relayed: the doctor's search document exists.
      expect((await h.search.get(doctorId))?.slot).toHaveLength(2);
      expect((await outboxRows(h)).every((r) => r.completed)).toBe(true);
    });

    it('is idempotent: a second tick at the same instant creates nothing', async () => {
      const report = await w.worker.tick();
      expect(report.steps[0]?.counts).toEqual({ slots: 2, created: 0 });
      expect(report.steps.map((s) => s.step)).not.toContain('reconcile-search-index'); // not due yet
    });

    it('rolls over the week boundary: closes ended sittings, marks no-shows with history, adds the next week', async () => {
      const alice = await addPatient(h, 'Alice');
      const bob = await addPatient(h, 'Bob');
      const a = await h.useCases.book.execute(alice.actor, {
        patient_id: alice.patientId,
        slot_id: monday,
        date: '2026-03-23',
      });
      const b = await h.useCases.book.execute(bob.actor, {
        patient_id: bob.patientId,
        slot_id: sunday,
        date: '2026-03-29',
      });
      // A cache entry of the doctor's timings: relaying the new sittings' events must drop it.
      await h.cache.set(`timings:${doctorId}`, 'stale', {
        ttlSeconds: 3600,
        tags: [`doctor:${doctorId}`],
      });

      h.clock.set('2026-03-23T09:00:00.000Z'); // Monday 10:00 CET: Sunday's and Monday's sittings have ended
      const report = await w.worker.tick();
      expect(report.steps.find((s) => s.step === 'close-ended-sittings')?.counts).toEqual({
        closed: 2,
        noShows: 1,
      });
      // The horizon moved from Friday 3 April to Monday 6 April: one more Sunday and Monday.
      expect(report.steps[0]?.counts).toEqual({ slots: 2, created: 2 });
      expect(await sittings(monday)).toEqual([
        '2026-03-23 completed 08:00-09:00Z',
        '2026-03-30 scheduled 07:00-08:00Z',
        '2026-04-06 scheduled 07:00-08:00Z',
      ]);
      const history = await h.useCases.history.execute(alice.actor, { id: a.id });
      expect(history.appointment.status).toBe('no_show');
      expect(history.history.map((e) => [e.status, e.actor_id])).toEqual([
        ['booked', alice.actor.userId],
        ['no_show', null],
      ]);
      expect(await h.cache.get(`timings:${doctorId}`)).toBeUndefined();

      h.clock.set('2026-03-23T23:00:00.000Z'); // Tuesday in Berlin: nothing new until Sunday 12 April is in reach
      expect((await w.worker.tick()).steps[0]?.counts).toEqual({ slots: 2, created: 0 });
      expect(await sittings(sunday)).toEqual([
        '2026-03-22 completed 01:30-02:00Z',
        '2026-03-29 scheduled 01:30-02:00Z',
        '2026-04-05 scheduled 00:30-01:00Z', // CEST
      ]);

      h.clock.set('2026-03-29T01:59:00.000Z'); // Bob's sitting in the DST gap is still running
      expect((await w.worker.tick()).steps[1]?.counts).toEqual({ closed: 0, noShows: 0 });
      h.clock.set('2026-03-29T02:00:00.000Z');
      expect((await w.worker.tick()).steps[1]?.counts).toEqual({ closed: 1, noShows: 1 });
      expect((await h.useCases.history.execute(bob.actor, { id: b.id })).appointment.status).toBe(
        'no_show',
      );
      expect(await sittings(sunday)).toContain('2026-03-29 completed 01:30-02:00Z');
    });

    it('leaves an index that matches PostgreSQL', async () => {
      h.clock.advance(7200);
      const report = await w.worker.tick();
      expect(report.steps.find((s) => s.step === 'reconcile-search-index')?.counts).toMatchObject({
        added: 0,
        removed: 0,
        fixed: 0,
      });
    });
  },
);
