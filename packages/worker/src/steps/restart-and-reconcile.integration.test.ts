import { createPostgresAdapters } from '@doctorly/adapters-postgres';
import { FailOpenRedis, RedisCache } from '@doctorly/adapters-redis';
import { ReconcileSearchIndex, toDoctorView, type DoctorSearchIndex } from '@doctorly/core';
import { InMemoryDoctorSearchIndex } from '@doctorly/core/testing';
import { createTestRedis, isSkip, describeOnPostgresServer } from '@doctorly/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDoctor, openHarness, outboxRows, type Harness } from '../testing/harness.js';

const redisTarget = await createTestRedis();

describeOnPostgresServer('a worker killed mid-relay, and reconciliation')(
  'a worker killed mid-relay, and reconciliation',
  () => {
    let h: Harness;

    beforeAll(async () => {
      h = await openHarness('2026-03-20T12:00:00.000Z');
    });
    afterAll(async () => {
      await h?.dispose();
      if (!isSkip(redisTarget)) await redisTarget.dispose();
    });

    it('an event claimed by a worker that died is applied after its lease ends, once, and the index matches PostgreSQL', async () => {
      // No slot: the restarted worker materializes nothing, so only the dead worker's events name this doctor.
      const dr = await addDoctor(h, 'Omar Siddiqui');
      // The "dead" worker: claims everything with a 20 s lease, then its process is gone.
      const dead = await createPostgresAdapters({ url: h.url, poolSize: 1 }, h.clock);
      const claimed = await dead.outbox.claim(100, 20, h.clock.now());
      await dead.close();
      expect(claimed.length).toBeGreaterThan(0);

      const w = await h.worker();
      const relayed = (r: Awaited<ReturnType<typeof w.worker.tick>>) =>
        r.steps.find((s) => s.step === 'relay-outbox')?.counts;
      // Still leased: the restarted worker leaves them alone (it relays only its own new events).
      const early = await w.worker.tick({ includePeriodic: false });
      expect(relayed(early)).toMatchObject({ failed: 0, parked: 0 });
      expect(await h.search.get(dr.doctorId)).toBeUndefined();
      const stuck = (await outboxRows(h)).filter((r) => claimed.some((c) => c.id === r.id));
      expect(stuck.every((r) => !r.completed)).toBe(true);

      h.clock.advance(21);
      const late = await w.worker.tick({ includePeriodic: false });
      expect(relayed(late)).toMatchObject({
        claimed: claimed.length,
        applied: claimed.length,
        failed: 0,
        parked: 0,
      });
      const rows = await outboxRows(h);
      expect(rows.every((r) => r.completed && r.attempts === 0)).toBe(true);
      const snapshot = await h.pg.uow.read.doctors.snapshot(dr.doctorId);
      expect(await h.search.get(dr.doctorId)).toEqual(toDoctorView(snapshot!, h.clock.now()));
      // Applying again changes nothing: one effect whatever the number of deliveries.
      expect(
        await new ReconcileSearchIndex(h.pg.uow, h.search).execute(h.clock.now()),
      ).toMatchObject({ added: 0, removed: 0, fixed: 0 });
    });

    it('a relay that crashes while applying retries with backoff and then applies the event', async () => {
      const dr = await addDoctor(h, 'Grace ONeil');
      let broken = true;
      const flaky: DoctorSearchIndex = Object.assign(Object.create(h.search) as DoctorSearchIndex, {
        upsert: (doctor: Parameters<DoctorSearchIndex['upsert']>[0]) =>
          broken ? Promise.reject(new Error('search index unreachable')) : h.search.upsert(doctor),
      });
      const w = await h.worker({ search: flaky });
      const first = await w.worker.tick({ includePeriodic: false });
      expect(first.steps.find((s) => s.step === 'relay-outbox')?.counts).toMatchObject({
        applied: 0,
        parked: 0,
      });
      expect(
        first.steps.find((s) => s.step === 'relay-outbox')?.counts?.failed ?? 0,
      ).toBeGreaterThan(0);
      const failed = (await outboxRows(h)).filter((r) => !r.completed);
      expect(failed.every((r) => r.attempts === 1)).toBe(true);

      broken = false;
      expect(
        (await w.worker.tick({ includePeriodic: false })).steps.find(
          (s) => s.step === 'relay-outbox',
        )?.counts,
      ).toMatchObject({ claimed: 0 }); // backing off: not due yet
      h.clock.advance(3);
      expect(
        (await w.worker.tick({ includePeriodic: false })).steps.find(
          (s) => s.step === 'relay-outbox',
        )?.counts,
      ).toMatchObject({ claimed: failed.length, applied: failed.length });
      expect((await h.search.get(dr.doctorId))?.user.name).toBe('Grace ONeil');
    });

    it('reconciliation repairs a corrupted index: a missing, a stale and a wrong document', async () => {
      const third = await addDoctor(h, 'Ayesha Khan');
      const w = await h.worker();
      await w.worker.tick(); // relays and reconciles: a clean index
      const ids = await h.search.ids();
      expect(ids).toHaveLength(3);
      await h.search.remove(ids[0]!);
      const wrong = (await h.search.get(third.doctorId))!;
      await h.search.upsert({ ...wrong, description: 'drifted', experience: 99 });
      await h.search.upsert({ ...wrong, id: 9999 });

      h.clock.advance(3601);
      const report = await w.worker.tick();
      expect(report.steps.find((s) => s.step === 'reconcile-search-index')?.counts).toEqual({
        added: 1,
        removed: 1,
        fixed: 1,
        checked: 3,
      });
      expect(await h.search.ids()).toEqual(ids);
      expect((await h.search.get(third.doctorId))?.description).toBe('Dr Ayesha Khan');
      h.clock.advance(3601);
      expect(
        (await w.worker.tick()).steps.find((s) => s.step === 'reconcile-search-index')?.counts,
      ).toEqual({ added: 0, removed: 0, fixed: 0, checked: 3 });
    });

    it.skipIf(isSkip(redisTarget))(
      "relaying invalidates the doctor's entries in a real Redis cache",
      async () => {
        if (isSkip(redisTarget)) return;
        const redis = new FailOpenRedis(redisTarget.url, { commandTimeoutMs: 2000 });
        try {
          const cache = new RedisCache(redis, redisTarget.prefix);
          const w = await h.worker({ cache, search: new InMemoryDoctorSearchIndex() });
          const dr = await addDoctor(h, 'Bilal Ahmed');
          await cache.set(`doctor:${dr.doctorId}:timings`, ['old'], {
            ttlSeconds: 600,
            tags: [`doctor:${dr.doctorId}`],
          });
          await cache.set('doctors:page:1', ['old'], { ttlSeconds: 600, tags: ['doctors'] });
          await h.useCases.addSlot.execute(dr.actor, {
            day: 'friday',
            start: '17:00',
            consultation_fee: 1,
            appointment_duration: 10,
            num_slots: 2,
          });
          await w.worker.tick({ includePeriodic: false });
          expect(await cache.get(`doctor:${dr.doctorId}:timings`)).toBeUndefined();
          expect(await cache.get('doctors:page:1')).toBeUndefined();
        } finally {
          await redis.close();
        }
      },
    );
  },
);
