import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StepReport } from './worker-step.js';

/**
 * The worker's Prometheus metrics, in a registry of its own: step runs by outcome, their
 * durations, errors, the counts they report (sittings created, events applied …) and when
 * the last tick ended. Served at `/metrics` by {@link startHealthServer}.
 * @category Worker
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly runs: Counter<'step' | 'outcome'>;
  private readonly errors: Counter<'step'>;
  private readonly items: Counter<'step' | 'count'>;
  private readonly duration: Histogram<'step'>;
  private readonly lastTick: Gauge;

  /** `processMetrics` adds Node's default process metrics (off in tests: they are global timers). */
  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.runs = new Counter({
      name: 'doctorly_worker_step_runs_total',
      help: 'Worker step runs by outcome (ran, skipped, failed)',
      labelNames: ['step', 'outcome'],
      registers,
    });
    this.errors = new Counter({
      name: 'doctorly_worker_step_errors_total',
      help: 'Worker step runs that threw',
      labelNames: ['step'],
      registers,
    });
    this.items = new Counter({
      name: 'doctorly_worker_step_items_total',
      help: 'What worker steps did, by count name (created, closed, noShows, applied, parked, removed …)',
      labelNames: ['step', 'count'],
      registers,
    });
    this.duration = new Histogram({
      name: 'doctorly_worker_step_duration_seconds',
      help: 'Duration of worker step runs',
      labelNames: ['step'],
      buckets: [0.005, 0.025, 0.1, 0.5, 1, 2.5, 10, 30, 120, 600],
      registers,
    });
    this.lastTick = new Gauge({
      name: 'doctorly_worker_last_tick_timestamp_seconds',
      help: 'When the last worker tick ended (Unix time)',
      registers,
    });
    if (options.processMetrics)
      collectDefaultMetrics({ register: this.registry, prefix: 'doctorly_worker_' });
  }

  /** Records one step's report. */
  step(report: StepReport): void {
    this.runs.inc({ step: report.step, outcome: report.outcome });
    if (report.outcome === 'failed') this.errors.inc({ step: report.step });
    if (report.outcome !== 'skipped')
      this.duration.observe({ step: report.step }, report.durationMs / 1000);
    for (const [count, value] of Object.entries(report.counts ?? {})) {
      if (value > 0) this.items.inc({ step: report.step, count }, value);
    }
  }

  /** Records the end of a tick at `at` (wall-clock time). */
  tickEnded(at: number): void {
    this.lastTick.set(at / 1000);
  }

  /** The text exposition format, for `/metrics`. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of {@link render}'s output. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
