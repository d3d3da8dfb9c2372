import { randomBytes } from 'node:crypto';

/** The worker's own settings (the rest comes from the runtime's `loadConfig`). @category Worker */
export interface WorkerConfig {
  readonly intervalSeconds: number;
  readonly reconcileIntervalSeconds: number;
  /** 0 turns the health/metrics listener off. */
  readonly metricsPort: number;
  readonly metricsHost: string;
  readonly outboxRetentionHours: number;
}

/** The worker's environment variables, their defaults and meaning (for docs). @category Worker */
export const workerConfigVariables = [
  {
    name: 'WORKER_INTERVAL_SECONDS',
    default: '60',
    meaning: 'seconds between two worker ticks (materialize, close, relay)',
  },
  {
    name: 'RECONCILE_INTERVAL_SECONDS',
    default: '3600',
    meaning: 'seconds between two reconciliations of the search index with PostgreSQL',
  },
  {
    name: 'WORKER_METRICS_PORT',
    default: '9464',
    meaning: "port of the worker's /healthz and /metrics listener; 0 turns it off",
  },
  { name: 'WORKER_METRICS_HOST', default: '0.0.0.0', meaning: 'address of that listener' },
  {
    name: 'OUTBOX_RETENTION_HOURS',
    default: '24',
    meaning: 'completed outbox entries older than this are deleted (hourly)',
  },
] as const;

function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  errors: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/**
 * Reads the worker's variables ({@link workerConfigVariables}); throws one error naming
 * every bad one.
 * @category Worker
 */
export function loadWorkerConfig(env: Readonly<Record<string, string | undefined>>): WorkerConfig {
  const errors: string[] = [];
  const config: WorkerConfig = {
    intervalSeconds: integer(env, 'WORKER_INTERVAL_SECONDS', 60, 1, 86_400, errors),
    reconcileIntervalSeconds: integer(
      env,
      'RECONCILE_INTERVAL_SECONDS',
      3600,
      1,
      7 * 86_400,
      errors,
    ),
    metricsPort: integer(env, 'WORKER_METRICS_PORT', 9464, 0, 65_535, errors),
    metricsHost: env.WORKER_METRICS_HOST?.trim() || '0.0.0.0',
    outboxRetentionHours: integer(env, 'OUTBOX_RETENTION_HOURS', 24, 1, 24 * 365, errors),
  };
  if (errors.length > 0) throw new Error(`Invalid worker configuration:\n  ${errors.join('\n  ')}`);
  return config;
}

/**
 * The environment for the runtime's `loadConfig` in the worker and the CLI. They never
 * issue or verify tokens, yet `loadConfig` demands `JWT_SECRET` beside `DATABASE_URL` (the
 * server needs it): a random throw-away key stands in when none is set.
 * @category Worker
 */
export function runtimeEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  if (env.DATABASE_URL?.trim() && !env.JWT_SECRET?.trim()) {
    return { ...env, JWT_SECRET: randomBytes(32).toString('hex') };
  }
  return { ...env };
}
