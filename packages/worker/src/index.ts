/**
 * `@doctorly/worker`: Doctorly's background worker — the loop and its steps (sittings
 * roll-over, closing ended sittings, the outbox relay, search reconciliation, outbox
 * pruning), PostgreSQL advisory locks so that several replicas can run at once, Prometheus
 * metrics and a health listener. The `doctorly-worker` and `doctorly` (CLI) binaries are
 * built from `main.ts` and `cli.ts`.
 * @module @doctorly/worker
 */
export { Worker, type WorkerOptions, type WorkerHealth } from './loop/worker.js';
export type {
  WorkerStep,
  StepCounts,
  StepOutcome,
  StepReport,
  TickReport,
} from './loop/worker-step.js';
export {
  PostgresStepLock,
  NoStepLock,
  workerLockNamespace,
  type StepLock,
  type LockOutcome,
} from './loop/step-lock.js';
export { WorkerMetrics } from './loop/worker-metrics.js';
export {
  loadWorkerConfig,
  runtimeEnvironment,
  workerConfigVariables,
  type WorkerConfig,
} from './loop/worker-config.js';
export { openWorker, type OpenedWorker } from './loop/open-worker.js';
export {
  createWorkerSteps,
  stepLockKeys,
  type WorkerUseCases,
  type WorkerStepsOptions,
} from './steps/worker-steps.js';
export { pruneOutbox } from './steps/prune-outbox.js';
export { startHealthServer, type HealthServer } from './health/health-server.js';
export { rebuildSearchIndex, type RebuildResult } from './steps/rebuild-search-index.js';
export {
  loadDemoData,
  type DemoDataOptions,
  type DemoDataSummary,
} from './demo-data/load-demo-data.js';
export { runCli, commands, usage } from './cli/run-cli.js';
export type { CliIo, Command, OptionValues } from './cli/command.js';
