#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startHealthServer, type HealthServer } from './health/health-server.js';
import { openWorker, type OpenedWorker } from './loop/open-worker.js';
import { workerConfigVariables } from './loop/worker-config.js';

const usage = `Usage: doctorly-worker [--once [--maintenance]]

Doctorly's background worker: stores upcoming sittings, closes ended ones (no-shows),
relays the outbox to the search index and the cache, reconciles the search index with
PostgreSQL and prunes the outbox. Safe to run as several replicas.

Options:
  --once          run one tick and exit (for cron, every minute); exit 1 if a step failed
  --maintenance   with --once, also reconcile the search index and prune the outbox
  -h, --help      show this help

Environment: DATABASE_URL (required), REDIS_URL, LOG_LEVEL … as for the server, and
${workerConfigVariables.map((v) => `  ${v.name.padEnd(27)} ${v.default.padEnd(8)} ${v.meaning}`).join('\n')}`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      once: { type: 'boolean' },
      maintenance: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  let opened: OpenedWorker;
  try {
    opened = await openWorker(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  const { worker, logger } = opened;
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down after the current step');
    void worker.stop();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  if (values.once) {
    try {
      const report = await worker.tick({ includePeriodic: values.maintenance === true });
      return report.steps.some((s) => s.outcome === 'failed') ? 1 : 0;
    } finally {
      await opened.close();
    }
  }
  let health: HealthServer | undefined;
  if (opened.config.metricsPort !== 0) {
    health = await startHealthServer(worker, opened.metrics, {
      port: opened.config.metricsPort,
      host: opened.config.metricsHost,
    });
    logger.info({ port: health.port }, 'worker health and metrics listening (/healthz, /metrics)');
  }
  await worker.run();
  await health?.close();
  await opened.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; a handle a library forgot must not keep the process up.
    setTimeout(() => process.exit(code), 5000).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
