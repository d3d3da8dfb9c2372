import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Cache, type Clock } from '@doctorly/core';
import type { Container } from 'inversify';
import { pino, type Logger } from 'pino';
import { FileSystemImageStore, JwtTokenIssuer, ScryptPasswordHasher, SystemClock, scryptCosts } from '../adapters/index.js';
import type { Config } from '../config/index.js';
import { bindProcess, createContainer, resolvePorts } from './container.js';
import { HostOutboxPublisher } from './host-outbox-publisher.js';
import type { Infrastructure, RedisHealth } from './infrastructure.js';
import { createMemoryInfrastructure } from './memory-infrastructure.js';
import type { Ports } from './ports.js';
import { createStoreInfrastructure } from './store-infrastructure.js';
import { startUp } from './start-up.js';
import { resolveUseCases, type UseCases } from './use-cases.js';
import { relayAll, runWorkerTick, type WorkerTickResult } from './worker-tick.js';

/** What `GET /readyz` reports. @category Composition */
export interface RuntimeHealth {
  readonly postgres: 'up' | 'down';
  readonly redis: RedisHealth;
  /** The engine answering doctor searches. */
  readonly search: 'postgres' | 'redis' | 'memory';
}

/**
 * A composed Doctorly: configuration, logger, the inversify container, every use case and
 * the resolved adapters. One per process, shared by the HTTP server and the worker.
 * @category Composition
 */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly container: Container;
  readonly useCases: UseCases;
  readonly ports: Ports;
  /** Which database backs it: a PostgreSQL server, the embedded PGlite, or memory. */
  readonly database: Infrastructure['database'];
  /**
   * The SQL client of that database (the pool, or the embedded PGlite), for operator tools'
   * bulk SQL (`doctorly demo-data`): PGlite admits one opening per process, so a tool that
   * holds a runtime on it cannot open a client of its own. `undefined` in memory.
   */
  readonly sql: Infrastructure['sql'];
  /** Whether the database is reachable, Redis's state, and the search engine in use. */
  health(): Promise<RuntimeHealth>;
  /** One pass of background work at `now`: materialize sittings, close ended ones, relay the outbox. */
  runWorkerTick(now: Date): Promise<WorkerTickResult>;
  /**
   * Runs {@link runWorkerTick} every `intervalMs` (one at a time; errors are logged) until
   * the returned stop function or {@link close} is called. For the embedded server.
   */
  startTicking(intervalMs: number): () => Promise<void>;
  /** Waits for the after-commit relay in flight (tests, graceful shutdown). */
  flush(): Promise<void>;
  /** Stops background work and releases every connection; safe to call twice. */
  close(): Promise<void>;
}

/** How {@link createRuntime} is built. @category Composition */
export interface CreateRuntimeOptions {
  /** The logger to use; default pino at `config.logLevel`. */
  readonly logger?: Logger;
  /** The clock; default the system clock (tests may drive time). */
  readonly clock?: Clock;
  /**
   * `memory` puts everything in process memory (core's in-memory adapters), whatever the
   * configuration says about PostgreSQL and Redis: for embedders' demos and host tests.
   */
  readonly adapters?: 'configured' | 'memory';
}

/**
 * Builds a Doctorly from its configuration: picks the adapters (PostgreSQL or PGlite,
 * Redis or in-memory cache, the search engine, logged with the reason), binds them and
 * every use case in an inversify container, then migrates, seeds the catalog, prepares the
 * search index and, on a new embedded data folder, loads the demo set.
 * @example
 * ```ts
 * import { createRuntime, loadConfig } from '@doctorly/runtime';
 *
 * // The same composition the server and the worker use, from the same variables.
 * const runtime = await createRuntime(loadConfig(process.env));
 * const doctors = await runtime.useCases.searchDoctors.execute({ specialization: 'cardiologist', day: 'monday' });
 * await runtime.runWorkerTick(new Date()); // sittings, no-shows, outbox relay
 * await runtime.close();
 * ```
 * @category Composition
 */
export async function createRuntime(config: Config, options: CreateRuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? pino({ name: 'doctorly', level: config.logLevel });
  const clock = options.clock ?? new SystemClock();
  const memory = options.adapters === 'memory';
  // Decided before the adapters create the folder: only a brand-new embedded database gets demo data.
  const newDataFolder = !memory && config.databaseUrl === undefined && !existsSync(join(config.dataDir, 'pglite'));
  const infrastructure = memory ? createMemoryInfrastructure(clock) : await createStoreInfrastructure(config, clock, logger);
  try {
    return await compose(config, logger, clock, infrastructure, newDataFolder);
  } catch (error) {
    await infrastructure.close().catch(() => {});
    throw error;
  }
}

async function compose(
  config: Config, logger: Logger, clock: Clock, infrastructure: Infrastructure, newDataFolder: boolean,
): Promise<Runtime> {
  if (config.passwordHashCost === 'test') logger.warn('PASSWORD_HASH_COST=test: passwords are hashed at a test-only cost');
  const container = createContainer(infrastructure.modules);
  // The publisher relays through a use case that needs the publisher: it is resolved later.
  const late: { useCases?: UseCases } = {};
  const publisher = new HostOutboxPublisher(
    container.get<Cache>(Cache),
    () => (late.useCases ? relayAll(late.useCases, () => clock.now()) : Promise.resolve()),
    logger,
  );
  bindProcess(
    container,
    {
      clock,
      imageStore: new FileSystemImageStore(join(config.dataDir, 'images')),
      passwordHasher: new ScryptPasswordHasher(scryptCosts[config.passwordHashCost]),
      tokenIssuer: new JwtTokenIssuer(config.jwtSecret, config.tokenTtlSeconds),
      publisher,
    },
    { config, logger, bookingPolicy: config.bookingPolicy },
  );
  const ports = resolvePorts(container);
  const resolved = resolveUseCases(container);
  late.useCases = resolved;
  await startUp({
    logger, search: ports.search, migrate: () => infrastructure.migrate(), useCases: resolved, clock,
    loadDemo: newDataFolder && config.demoData,
  });
  await publisher.flush();
  logger.info(
    { database: infrastructure.database, search: ports.search.engine, cache: ports.cache.constructor.name },
    'doctorly runtime ready',
  );

  const tickers = new Set<() => Promise<void>>();
  let closed: Promise<void> | undefined;
  const runtime: Runtime = {
    config,
    logger,
    container,
    useCases: resolved,
    ports,
    database: infrastructure.database,
    sql: infrastructure.sql,
    health: async () => ({
      postgres: (await infrastructure.databaseUp()) ? 'up' : 'down',
      redis: await infrastructure.redisHealth(),
      search: ports.search.engine,
    }),
    runWorkerTick: (now) => runWorkerTick(resolved, now),
    startTicking: (intervalMs) => {
      const stop = startTicker(runtime, intervalMs, clock);
      const remove = async () => {
        tickers.delete(remove);
        await stop();
      };
      tickers.add(remove);
      return remove;
    },
    flush: () => publisher.flush(),
    close: () =>
      (closed ??= (async () => {
        await Promise.all([...tickers].map((stop) => stop()));
        await publisher.close();
        await infrastructure.close();
        logger.info('doctorly runtime closed');
      })()),
  };
  return runtime;
}

/** Ticks one at a time: a slow tick delays the next instead of overlapping it. */
function startTicker(runtime: Runtime, intervalMs: number, clock: Clock): () => Promise<void> {
  let stopped = false;
  let current: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const result = await runtime.runWorkerTick(clock.now());
      const { materialized, closed, relayed } = result;
      if (materialized.created + closed.closed + relayed.claimed > 0) runtime.logger.debug({ tick: result }, 'worker tick');
    } catch (error) {
      runtime.logger.error({ err: error }, 'worker tick failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}
