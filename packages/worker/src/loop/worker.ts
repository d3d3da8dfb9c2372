import type { Clock } from '@doctorly/core';
import type { Logger } from 'pino';
import { NoStepLock, type StepLock } from './step-lock.js';
import type { WorkerMetrics } from './worker-metrics.js';
import type { StepReport, TickReport, WorkerStep } from './worker-step.js';

/** How a {@link Worker} is built. @category Worker */
export interface WorkerOptions {
  /** The steps, run in this order on every tick (periodic ones when due). */
  readonly steps: readonly WorkerStep[];
  /** Time of the domain: what `now` the steps get (a ManualClock in tests). */
  readonly clock: Clock;
  readonly logger: Logger;
  /** Seconds between the end of a tick and the start of the next. */
  readonly intervalSeconds: number;
  /** Locks of the steps that have a `lockKey`; default: no contention (a single process). */
  readonly lock?: StepLock;
  readonly metrics?: WorkerMetrics;
  /** `/healthz` turns unhealthy when no tick ended for this long (default max(3 × interval, 300)). */
  readonly staleAfterSeconds?: number;
  /** Wall-clock milliseconds, for liveness only (default `Date.now`). */
  readonly wallClock?: () => number;
}

/** What `/healthz` reports. @category Worker */
export interface WorkerHealth {
  readonly healthy: boolean;
  readonly running: boolean;
  /** ISO time the last tick ended, `null` before the first. */
  readonly lastTickAt: string | null;
  readonly ticks: number;
}

/**
 * The worker loop: runs its steps one after the other on every tick, each logged (pino,
 * counts and duration) and measured; a failing step is logged and counted and never stops
 * the others or the loop. Steps with a lock key run only where the lock could be taken.
 * `run()` ticks every `intervalSeconds` until `stop()`, which lets the step in progress
 * finish, runs no further step, and resolves when the loop has ended.
 * @category Worker
 */
export class Worker {
  private readonly lock: StepLock;
  private readonly lastRun = new Map<string, number>();
  private readonly wallClock: () => number;
  private readonly staleAfterMs: number;
  private stopping = false;
  private looping: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastTickEnd: number | undefined;
  private readonly startedAt: number;
  private tickCount = 0;

  constructor(private readonly options: WorkerOptions) {
    this.lock = options.lock ?? new NoStepLock();
    this.wallClock = options.wallClock ?? Date.now;
    this.staleAfterMs =
      (options.staleAfterSeconds ?? Math.max(3 * options.intervalSeconds, 300)) * 1000;
    this.startedAt = this.wallClock();
  }

  /**
   * One pass over the steps that are due. `includePeriodic: false` leaves out the periodic
   * (maintenance) steps, as `--once` does unless asked for them.
   */
  async tick(options: { includePeriodic?: boolean } = {}): Promise<TickReport> {
    const includePeriodic = options.includePeriodic ?? true;
    const startedAt = this.options.clock.now();
    const reports: StepReport[] = [];
    for (const step of this.options.steps) {
      if (this.stopping) break;
      if (step.everySeconds !== undefined && (!includePeriodic || !this.isDue(step))) continue;
      reports.push(await this.runStep(step));
    }
    this.lastTickEnd = this.wallClock();
    this.tickCount += 1;
    this.options.metrics?.tickEnded(this.lastTickEnd);
    return { startedAt, steps: reports };
  }

  /** Ticks until {@link stop} is called. Resolves when the loop has ended. */
  run(): Promise<void> {
    this.looping ??= this.loop();
    return this.looping;
  }

  /** Asks the loop to end after the step in progress and waits for it. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.looping;
  }

  /** Healthy while the loop runs (or has not been started, as in `--once`) and a tick ended recently. */
  health(): WorkerHealth {
    const last = this.lastTickEnd ?? this.startedAt;
    const healthy = !this.stopping && this.wallClock() - last <= this.staleAfterMs;
    return {
      healthy,
      running: this.looping !== undefined && !this.stopping,
      lastTickAt: this.lastTickEnd === undefined ? null : new Date(this.lastTickEnd).toISOString(),
      ticks: this.tickCount,
    };
  }

  private async loop(): Promise<void> {
    this.options.logger.info(
      {
        intervalSeconds: this.options.intervalSeconds,
        steps: this.options.steps.map((s) => s.name),
      },
      'worker started',
    );
    while (!this.stopping) {
      await this.tick();
      await this.sleep(this.options.intervalSeconds * 1000);
    }
    this.options.logger.info({ ticks: this.tickCount }, 'worker stopped');
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private isDue(step: WorkerStep): boolean {
    const last = this.lastRun.get(step.name);
    return (
      last === undefined ||
      this.options.clock.now().getTime() - last >= (step.everySeconds ?? 0) * 1000
    );
  }

  private async runStep(step: WorkerStep): Promise<StepReport> {
    const now = this.options.clock.now();
    const started = performance.now();
    const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
    let report: StepReport;
    try {
      const outcome =
        step.lockKey === undefined
          ? { acquired: true as const, value: await step.run(now) }
          : await this.lock.withLock(step.lockKey, () => step.run(now));
      report = outcome.acquired
        ? { step: step.name, outcome: 'ran', durationMs: elapsed(), counts: outcome.value }
        : {
            step: step.name,
            outcome: 'skipped',
            durationMs: elapsed(),
            reason: 'locked by another worker',
          };
      // Skipped counts as done: the replica holding the lock is doing it right now.
      this.lastRun.set(step.name, now.getTime());
    } catch (error) {
      report = {
        step: step.name,
        outcome: 'failed',
        durationMs: elapsed(),
        reason: error instanceof Error ? error.message : String(error),
      };
      this.options.logger.error(
        { step: step.name, durationMs: report.durationMs, err: error },
        `worker step ${step.name} failed`,
      );
    }
    if (report.outcome !== 'failed') {
      this.options.logger.info(
        {
          step: report.step,
          outcome: report.outcome,
          durationMs: report.durationMs,
          ...(report.counts && { counts: report.counts }),
          ...(report.reason !== undefined && { reason: report.reason }),
        },
        `worker step ${report.step} ${report.outcome}`,
      );
    }
    this.options.metrics?.step(report);
    return report;
  }
}
