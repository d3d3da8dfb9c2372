import { PgPoolSqlClient } from '@doctorly/adapters-postgres';
import { createRuntime, loadConfig, type Environment, type Runtime } from '@doctorly/runtime';
import { pino, type Logger } from 'pino';
import { createWorkerSteps } from '../steps/worker-steps.js';
import { PostgresStepLock } from './step-lock.js';
import { Worker } from './worker.js';
import { loadWorkerConfig, runtimeEnvironment, type WorkerConfig } from './worker-config.js';
import { WorkerMetrics } from './worker-metrics.js';

/** A worker composed from the environment, with what it holds open. @category Worker */
export interface OpenedWorker {
  readonly worker: Worker;
  readonly runtime: Runtime;
  readonly metrics: WorkerMetrics;
  readonly config: WorkerConfig;
  readonly logger: Logger;
  /** Releases the lock connections and the runtime (pools, Redis); safe to call twice. */
  close(): Promise<void>;
}

/**
 * Builds the worker process from environment variables: the runtime's configuration
 * (`DATABASE_URL` required: a PostgreSQL server, since replicas coordinate through it; the
 * embedded PGlite server runs its background work itself), the runtime (migrates, seeds the
 * catalog, prepares search), a small pool of its own for advisory locks and pruning, the
 * steps and metrics.
 * @category Worker
 */
export async function openWorker(
  env: Environment,
  options: { logger?: Logger } = {},
): Promise<OpenedWorker> {
  const config = loadConfig(runtimeEnvironment(env));
  const workerConfig = loadWorkerConfig(env);
  if (config.databaseUrl === undefined) {
    throw new Error(
      'The worker needs DATABASE_URL (a PostgreSQL server). The embedded (PGlite) server runs its background work itself.',
    );
  }
  const logger = options.logger ?? pino({ name: 'doctorly-worker', level: config.logLevel });
  const runtime = await createRuntime(config, { logger });
  // Its own connections: a lock's transaction stays open for the whole step, and must not
  // take a connection the step itself needs from the runtime's pool.
  const lockSql = new PgPoolSqlClient({
    url: config.databaseUrl,
    poolSize: 3,
    applicationName: 'doctorly-worker',
  });
  const metrics = new WorkerMetrics({ processMetrics: true });
  if (!runtime.ports.search.keepsDocuments) {
    logger.info(
      'search runs on PostgreSQL itself: nothing to reconcile, the reconcile step is off',
    );
  }
  const worker = new Worker({
    steps: createWorkerSteps(runtime.useCases, lockSql, {
      reconcileIntervalSeconds: workerConfig.reconcileIntervalSeconds,
      outboxRetentionHours: workerConfig.outboxRetentionHours,
      reconcile: runtime.ports.search.keepsDocuments,
    }),
    clock: runtime.ports.clock,
    logger,
    intervalSeconds: workerConfig.intervalSeconds,
    lock: new PostgresStepLock(lockSql),
    metrics,
  });
  let closed: Promise<void> | undefined;
  return {
    worker,
    runtime,
    metrics,
    config: workerConfig,
    logger,
    close: () =>
      (closed ??= (async () => {
        await worker.stop();
        await lockSql.close();
        await runtime.close();
      })()),
  };
}
