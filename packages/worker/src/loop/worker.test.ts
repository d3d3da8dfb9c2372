import { ManualClock } from '@doctorly/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  /** A worker whose middle step of three fails, and the names of the steps that ran. */
  function withFailingStep(): { worker: Worker; ran: string[] } {
    const ran: string[] = [];
    const worker = new Worker({
      clock: new ManualClock(),
      logger: silent,
      intervalSeconds: 60,
      steps: [
        step('a', () => {
          ran.push('a');
          return Promise.resolve({ n: 1 });
        }),
        step('b', () => Promise.reject(new Error('boom'))),
        step('c', () => {
          ran.push('c');
          return Promise.resolve({});
        }),
      ],
    });
    return { worker, ran };
  }

  it('runs every step in order and carries on past a failing one', async () => {
    const { worker, ran } = withFailingStep();
    await worker.tick();
    expect(ran).toEqual(['a', 'c']);
  });

  it("reports each step's outcome, a failing one with its reason", async () => {
    const report = await withFailingStep().worker.tick();
    expect(report.steps.map((s) => [s.step, s.outcome, s.reason])).toEqual([
      ['a', 'ran', undefined],
      ['b', 'failed', 'boom'],
      ['c', 'ran', undefined],
    ]);
  });

  /** A worker with a step due every 600 s and a step whose lock another replica holds. */
  function withPeriodicAndLockedSteps(): { worker: Worker; clock: ManualClock } {
    const clock = new ManualClock();
    const held: StepLock = { withLock: () => Promise.resolve({ acquired: false }) };
    const worker = new Worker({
      clock,
      logger: silent,
      intervalSeconds: 60,
      lock: held,
      steps: [
        step('p', () => Promise.resolve({}), { everySeconds: 600 }),
        step('locked', () => Promise.resolve({}), { lockKey: 1 }),
      ],
    });
    return { worker, clock };
  }

  it('runs a periodic step on the first tick, then only once its period has passed', async () => {
    const { worker, clock } = withPeriodicAndLockedSteps();
    expect((await worker.tick()).steps.map((s) => s.step)).toEqual(['p', 'locked']);
    clock.advance(599);
    expect((await worker.tick()).steps.map((s) => s.step)).toEqual(['locked']);
    clock.advance(1);
    expect((await worker.tick()).steps.map((s) => s.step)).toEqual(['p', 'locked']);
  });

  it('skips a step whose lock is held elsewhere', async () => {
    const { worker } = withPeriodicAndLockedSteps();
    expect((await worker.tick()).steps.map((s) => [s.step, s.outcome])).toEqual([
      ['p', 'ran'],
      ['locked', 'skipped'],
    ]);
  });

  it('leaves periodic steps out of a tick told not to include them', async () => {
    const { worker } = withPeriodicAndLockedSteps();
    expect((await worker.tick({ includePeriodic: false })).steps.map((s) => s.step)).toEqual([
      'locked',
    ]);
  });

  it('stop() lets the current step finish, runs no further step and ends the loop', async () => {
    let release!: () => void;
    let started!: () => void;
    const inStep = new Promise<void>((resolve) => {
      started = resolve;
    });
    const ran: string[] = [];
    const worker = new Worker({
      clock: new ManualClock(),
      logger: silent,
      intervalSeconds: 3600,
      steps: [
        step('slow', async () => {
          started();
          await new Promise<void>((r) => {
            release = r;
          });
          ran.push('slow');
          return {};
        }),
        step('next', () => {
          ran.push('next');
          return Promise.resolve({});
        }),
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
});

describe('the worker health server', () => {
  /** A worker that ticked once, its wall clock, and its health server on a free port. */
  let wall: number;
  let server: Awaited<ReturnType<typeof startHealthServer>>;
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  beforeEach(async () => {
    wall = 1_000_000;
    const metrics = new WorkerMetrics();
    const worker = new Worker({
      clock: new ManualClock(),
      logger: silent,
      intervalSeconds: 60,
      metrics,
      wallClock: () => wall,
      staleAfterSeconds: 180,
      steps: [step('materialize-sittings', () => Promise.resolve({ created: 3, slots: 2 }))],
    });
    server = await startHealthServer(worker, metrics, { port: 0, host: '127.0.0.1' });
    await worker.tick();
  });

  afterEach(async () => {
    await server.close();
  });

  it('answers /healthz 200 while the worker ticked recently', async () => {
    const ok = await get('/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', healthy: true, ticks: 1 });
  });

  it('answers /healthz 503 once the last tick is older than staleAfterSeconds', async () => {
    wall += 181_000;
    expect((await get('/healthz')).status).toBe(503);
  });

  it('serves the step runs, items and durations on /metrics', async () => {
    const text = await (await get('/metrics')).text();
    expect(text).toContain(
      'doctorly_worker_step_runs_total{step="materialize-sittings",outcome="ran"} 1',
    );
    expect(text).toContain(
      'doctorly_worker_step_items_total{step="materialize-sittings",count="created"} 3',
    );
    expect(text).toContain(
      'doctorly_worker_step_duration_seconds_count{step="materialize-sittings"} 1',
    );
  });

  it('answers 404 to any other path', async () => {
    expect((await get('/nope')).status).toBe(404);
  });
});
