import { ManualClock } from '@doctorly/core/testing';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from '../health/health-server.js';
import { silent } from '../testing/harness.js';
import type { StepLock } from './step-lock.js';
import { Worker } from './worker.js';
import { WorkerMetrics } from './worker-metrics.js';
import type { WorkerStep } from './worker-step.js';

function step(name: string, run: WorkerStep['run'], extra: Partial<WorkerStep> = {}): WorkerStep {
  return { name, run, ...extra };
}

describe('Worker', () => {
  it('runs every step in order, logs a failing one and carries on', async () => {
    const ran: string[] = [];
    const worker = new Worker({
      clock: new ManualClock(), logger: silent, intervalSeconds: 60,
      steps: [
        step('a', () => { ran.push('a'); return Promise.resolve({ n: 1 }); }),
        step('b', () => Promise.reject(new Error('boom'))),
        step('c', () => { ran.push('c'); return Promise.resolve({}); }),
      ],
    });
    const report = await worker.tick();
    expect(ran).toEqual(['a', 'c']);
    expect(report.steps.map((s) => [s.step, s.outcome, s.reason])).toEqual([['a', 'ran', undefined], ['b', 'failed', 'boom'], ['c', 'ran', undefined]]);
  });

  it('runs periodic steps when due (first tick included), and skips steps whose lock is held', async () => {
    const clock = new ManualClock();
    const held: StepLock = { withLock: () => Promise.resolve({ acquired: false }) };
    let periodic = 0;
    const worker = new Worker({
      clock, logger: silent, intervalSeconds: 60, lock: held,
      steps: [step('p', () => Promise.resolve({ n: ++periodic }), { everySeconds: 600 }), step('locked', () => Promise.resolve({}), { lockKey: 1 })],
    });
    expect((await worker.tick()).steps.map((s) => [s.step, s.outcome])).toEqual([['p', 'ran'], ['locked', 'skipped']]);
    clock.advance(599);
    expect((await worker.tick()).steps.map((s) => s.step)).toEqual(['locked']);
    clock.advance(1);
    expect((await worker.tick()).steps.map((s) => s.step)).toEqual(['p', 'locked']);
    expect((await worker.tick({ includePeriodic: false })).steps.map((s) => s.step)).toEqual(['locked']);
  });

  it('stop() lets the current step finish, runs no further step and ends the loop', async () => {
    let release!: () => void;
    let started!: () => void;
    const inStep = new Promise<void>((resolve) => { started = resolve; });
    const ran: string[] = [];
    const worker = new Worker({
      clock: new ManualClock(), logger: silent, intervalSeconds: 3600,
      steps: [
        step('slow', async () => { started(); await new Promise<void>((r) => { release = r; }); ran.push('slow'); return {}; }),
        step('next', () => { ran.push('next'); return Promise.resolve({}); }),
      ],
    });
    const loop = worker.run();
    await inStep;
    const stopped = worker.stop();
    release();
    await stopped;
    await loop;
    expect(ran).toEqual(['slow']);
    expect(worker.health().healthy).toBe(false);
  });

  it('serves /healthz (200 while ticking recently, 503 when stale) and /metrics', async () => {
    let wall = 1_000_000;
    const metrics = new WorkerMetrics();
    const worker = new Worker({
      clock: new ManualClock(), logger: silent, intervalSeconds: 60, metrics, wallClock: () => wall, staleAfterSeconds: 180,
      steps: [step('materialize-sittings', () => Promise.resolve({ created: 3, slots: 2 }))],
    });
    const server = await startHealthServer(worker, metrics, { port: 0, host: '127.0.0.1' });
    try {
      const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
      await worker.tick();
      const ok = await get('/healthz');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: 'ok', healthy: true, ticks: 1 });
      const text = await (await get('/metrics')).text();
      expect(text).toContain('doctorly_worker_step_runs_total{step="materialize-sittings",outcome="ran"} 1');
      expect(text).toContain('doctorly_worker_step_items_total{step="materialize-sittings",count="created"} 3');
      expect(text).toContain('doctorly_worker_step_duration_seconds_count{step="materialize-sittings"} 1');
      wall += 181_000;
      expect((await get('/healthz')).status).toBe(503);
      expect((await get('/nope')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
