import { describeOnPostgresServer } from '@doctorly/test-support';
import { ReconcileSearchIndex, RelayOutbox } from '@doctorly/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PgPoolSqlClient } from '@doctorly/adapters-postgres';
import { PostgresStepLock } from '../loop/step-lock.js';
import {
  addDoctor,
  addPatient,
  openHarness,
  outboxRows,
  type Harness,
} from '../testing/harness.js';

describeOnPostgresServer('several worker replicas on one database')(
  'several worker replicas on one database',
  () => {
    let h: Harness;
    const slots: number[] = [];

    beforeAll(async () => {
      h = await openHarness('2026-03-20T12:00:00.000Z');
      const days = [
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
        'sunday',
      ] as const;
      for (let i = 0; i < 12; i += 1) {
        const dr = await addDoctor(h, `Doctor ${String.fromCharCode(65 + i)} Example`);
        for (const day of [days[i % 7]!, days[(i + 3) % 7]!]) {
          slots.push(
            (
              await h.useCases.addSlot.execute(dr.actor, {
                day,
                start: '10:00',
                consultation_fee: 5,
                appointment_duration: 10,
                num_slots: 5,
                time_zone: 'Asia/Karachi',
              })
            ).id,
          );
        }
      }
      const p = await addPatient(h, 'Zara');
      for (const slotId of slots.slice(0, 6))
        await h.useCases.book.execute(p.actor, { patient_id: p.patientId, slot_id: slotId });
    });
    afterAll(async () => {
      await h?.dispose();
    });

    it('advisory locks: a step held by one replica is skipped by another, then free again', async () => {
      const a = new PgPoolSqlClient({ url: h.url, poolSize: 2 });
      const b = new PgPoolSqlClient({ url: h.url, poolSize: 2 });
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => {
          entered = resolve;
        });
        const first = new PostgresStepLock(a).withLock(42, async () => {
          entered();
          await held;
          return 'a';
        });
        await inside;
        expect(await new PostgresStepLock(b).withLock(42, () => Promise.resolve('b'))).toEqual({
          acquired: false,
        });
        expect(
          await new PostgresStepLock(b).withLock(43, () => Promise.resolve('other key')),
        ).toEqual({ acquired: true, value: 'other key' });
        release();
        expect(await first).toEqual({ acquired: true, value: 'a' });
        expect(await new PostgresStepLock(b).withLock(42, () => Promise.resolve('b'))).toEqual({
          acquired: true,
          value: 'b',
        });
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('two workers and the server relaying at once: each sitting created once, each event applied once, none lost', async () => {
      const [one, two] = await Promise.all([
        h.worker({ relayBatch: 4 }),
        h.worker({ relayBatch: 4 }),
      ]);
      // The server's after-commit relay, running beside them (its own connections).
      const server = await h.worker();
      const serverRelay = new RelayOutbox(
        server.pg.outbox,
        server.pg.uow,
        h.cache,
        h.search,
        h.live,
      );
      const serverClaims: number[] = [];
      const serverLoop = (async () => {
        for (let i = 0; i < 10; i += 1)
          serverClaims.push((await serverRelay.execute(3, 30, h.clock.now())).claimed);
      })();
      const [r1, r2] = await Promise.all([
        one.worker.tick({ includePeriodic: false }),
        two.worker.tick({ includePeriodic: false }),
      ]);
      await serverLoop;

      const materialized = [r1, r2].map((r) =>
        r.steps.find((s) => s.step === 'materialize-sittings')!,
      );
      // Each (slot, date) once — and here the lock let only one replica do the work.
      const [{ n, distinct }] = (await h.pg.sql.query<{ n: number; distinct: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT (slot_id, date))::int AS distinct FROM sittings',
      )) as [{ n: number; distinct: number }];
      expect(n).toBe(distinct);
      expect(n).toBeGreaterThanOrEqual(slots.length * 2);
      const created = materialized.reduce((sum, s) => sum + (s.counts?.created ?? 0), 0);
      expect(created + 6).toBe(n); // 6 sittings were created by the bookings before
      // One ran; the other either waited out nothing (skipped: lock held) or ran after it, finding nothing to do.
      expect(materialized.filter((s) => s.outcome === 'failed')).toEqual([]);
      expect(materialized.filter((s) => (s.counts?.created ?? 0) > 0)).toHaveLength(1);

      // Drain what the last commits of the other replica appended after a relay's last pass.
      const drain = await one.worker.tick({ includePeriodic: false });
      const rows = await outboxRows(h);
      expect(rows.length).toBeGreaterThan(30);
      expect(rows.filter((r) => !r.completed || r.parked || r.attempts > 0)).toEqual([]);
      const claims = (r: typeof drain) =>
        r.steps.find((s) => s.step === 'relay-outbox')?.counts?.claimed ?? 0;
      // Every event claimed exactly once over all relays: none twice (SKIP LOCKED), none lost.
      expect(
        claims(r1) + claims(r2) + claims(drain) + serverClaims.reduce((a, b) => a + b, 0),
      ).toBe(rows.length);
      // The index matches PostgreSQL: reconciling finds nothing to repair.
      expect(await new ReconcileSearchIndex(h.pg.uow, h.search).execute(h.clock.now())).toEqual({
        added: 0,
        removed: 0,
        fixed: 0,
        checked: 12,
      });
    });

    it('without the locks too, concurrent materializing creates each sitting once (unique key + ensure)', async () => {
      h.clock.advance(7 * 86_400);
      const workers = await Promise.all([1, 2, 3].map(() => h.worker({ lock: 'none' })));
      await Promise.all(workers.map((w) => w.worker.tick({ includePeriodic: false })));
      const dupes = await h.pg.sql.query(
        'SELECT slot_id, date FROM sittings GROUP BY slot_id, date HAVING count(*) > 1',
      );
      expect(dupes).toEqual([]);
      const [{ n }] = (await h.pg.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sittings WHERE date > '2026-04-03'`,
      )) as [{ n: number }];
      expect(n).toBe(slots.length); // one more week for every slot
    });
  },
);
