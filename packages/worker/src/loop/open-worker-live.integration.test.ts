import { PgPoolSqlClient, PostgresLiveChannel } from '@doctorly/adapters-postgres';
import { sittingNotice, sittingTopic } from '@doctorly/core';
import { describeOnPostgresServer } from '@doctorly/test-support';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { addDoctor, addPatient, openHarness, type Harness } from '../testing/harness.js';
import { openWorker, type OpenedWorker } from './open-worker.js';

describeOnPostgresServer('the worker process publishes live notices')(
  'the worker process publishes live notices',
  () => {
    let h: Harness;
    let opened: OpenedWorker;
    let serverPool: PgPoolSqlClient;
    let server: PostgresLiveChannel;

    beforeAll(async () => {
      h = await openHarness('2026-03-20T12:00:00.000Z');
      opened = await openWorker(
        { DATABASE_URL: h.url, LOG_LEVEL: 'silent', WORKER_METRICS_PORT: '0' },
        { logger: pino({ level: 'silent' }) },
      );
      // A server replica's side of the fan-out (what its SSE streams subscribe through).
      serverPool = new PgPoolSqlClient({ url: h.url, poolSize: 1 });
      server = new PostgresLiveChannel({ url: h.url, sql: serverPool });
    });
    afterAll(async () => {
      await server?.close();
      await serverPool?.close();
      await opened?.close();
      await h?.dispose();
    });

    it("relays a change nobody relayed yet and tells a server replica's subscriber", async () => {
      // Written without an after-commit relay (the harness records instead): only the worker
      // applies these events, as with a server that died right after its commit.
      const dr = await addDoctor(h, 'Live Doctor');
      const slot = await h.useCases.addSlot.execute(dr.actor, {
        day: 'monday',
        start: '10:00',
        consultation_fee: 5,
        appointment_duration: 10,
        num_slots: 5,
        time_zone: 'UTC',
      });
      const p = await addPatient(h, 'Zara');
      const { sitting_id: sittingId } = await h.useCases.book.execute(p.actor, {
        patient_id: p.patientId,
        slot_id: slot.id,
      });
      const heard: string[] = [];
      await server.subscribe(sittingTopic(sittingId), (payload) => void heard.push(payload));

      const report = await opened.worker.tick({ includePeriodic: false });
      expect(report.steps.every((step) => step.outcome !== 'failed')).toBe(true);
      await vi.waitFor(() => expect(heard).toContain(sittingNotice(sittingId)), {
        timeout: 10_000,
      });
    });
  },
);
