import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@doctorly/core';
import { pino, type Logger } from 'pino';
import { SystemClock, scryptCosts } from '../adapters/index.js';
import type { Config } from '../config/index.js';
import { nodeModule } from '../modules/node-module.js';
import { HostOutboxPublisher } from './host-outbox-publisher.js';
import type { Infrastructure, RedisHealth } from './infrastructure.js';
import { createMemoryInfrastructure } from './memory-infrastructure.js';
import { lazyPorts, type Ports } from './ports.js';
import { RuntimeContainer } from './runtime-container.js';
import { runtimeModule } from './runtime-module.js';
import { createStoreInfrastructure } from './store-infrastructure.js';
import { startUp } from './start-up.js';
import { lazyUseCases, type UseCases } from './use-cases.js';
import { startTicker } from './ticker.js';
import { runWorkerTick, type WorkerTickResult } from './worker-tick.js';

/** What `GET /readyz` reports. @category Composition */
export interface RuntimeHealth {
  readonly postgres: 'up' | 'down';
  readonly redis: RedisHealth;
  /** The engine answering doctor searches. */
  readonly search: 'postgres' | 'redis' | 'memory';
}

/**
 * A composed Doctorly: configuration, logger, the inversify container, every use case and
 * the adapters. One per process, shared by the HTTP server and the worker.
 * @category Composition
 */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  /**
   * The inversify container: every port under core's token, every use case under
   * {@link useCaseIdentifier}. Sealed: resolve from it freely, but bind, rebind or load in
   * {@link CreateRuntimeOptions.configure}; afterwards a change of a binding throws.
   */
  readonly container: RuntimeContainer;
  /** Every use case by camelCase name, each built on first access (then the same instance). */
  readonly useCases: UseCases;
  /** The adapter serving each port, resolved on first access. */
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
  /**
   * Runs once every module is loaded (Node, the runtime's own, the configured stores) and
   * before anything is resolved: the place to rebind a port or bind a host's own services.
   * Every use case is built after it returns, so each gets the rebound adapter. The
   * container is sealed afterwards (see {@link Runtime.container}). A returned promise is
   * awaited.
   * @example
   * ```ts
   * const runtime = await createRuntime(config, {
   *   configure: (container) => container.rebind(ImageStore).toConstantValue(new MyImageStore()),
   * });
   * ```
   */
  readonly configure?: (container: RuntimeContainer) => unknown;
}

/**
 * Builds a Doctorly from its configuration: picks the adapters (PostgreSQL or PGlite,
 * Redis or in-memory cache, the search engine, logged with the reason), loads one
 * container module per adapter package and the use cases into an inversify container, runs
 * the embedder's {@link CreateRuntimeOptions.configure}, seals the container, then migrates, seeds the catalog, prepares the
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
export async function createRuntime(
  config: Config,
  options: CreateRuntimeOptions = {},
): Promise<Runtime> {
  const logger = options.logger ?? pino({ name: 'doctorly', level: config.logLevel });
  const clock = options.clock ?? new SystemClock();
  const memory = options.adapters === 'memory';
  // Decided before the adapters create the folder: only a brand-new embedded database gets demo data.
  const newDataFolder =
    !memory && config.databaseUrl === undefined && !existsSync(join(config.dataDir, 'pglite'));
  const infrastructure = memory
    ? createMemoryInfrastructure(logger)
    : await createStoreInfrastructure(config, clock, logger);
  try {
    return await compose(config, logger, clock, infrastructure, newDataFolder, options.configure);
  } catch (error) {
    await infrastructure.close().catch(() => {});
    throw error;
  }
}

async function compose(
  config: Config,
  logger: Logger,
  clock: Clock,
  infrastructure: Infrastructure,
  newDataFolder: boolean,
  configure: CreateRuntimeOptions['configure'],
): Promise<Runtime> {
  if (config.passwordHashCost === 'test')
    logger.warn('PASSWORD_HASH_COST=test: passwords are hashed at a test-only cost');
  const container = new RuntimeContainer();
  // Views over the container: each member resolves on first access, never before.
  const useCases = lazyUseCases(container);
  const ports = lazyPorts(container);
  container.load(
    nodeModule({
      imageDir: join(config.dataDir, 'images'),
      scrypt: scryptCosts[config.passwordHashCost],
      jwtSecret: config.jwtSecret,
      tokenTtlSeconds: config.tokenTtlSeconds,
      clock,
    }),
    runtimeModule({ config, logger, bookingPolicy: config.bookingPolicy, useCases }),
  );
  infrastructure.load(container);
  // Every module is loaded and nothing is resolved yet: the embedder's rebinds reach every use case.
  await configure?.(container);
  container.seal();
  const publisher = () => container.get(HostOutboxPublisher);
  await startUp({
    logger,
    search: ports.search,
    migrate: () => infrastructure.migrate(),
    useCases,
    clock: ports.clock,
    loadDemo: newDataFolder && config.demoData,
  });
  await publisher().flush();
  logger.info(
    {
      database: infrastructure.database,
      search: ports.search.engine,
      cache: ports.cache.constructor.name,
      live: infrastructure.live,
    },
    'doctorly runtime ready',
  );

  const tickers = new Set<() => Promise<void>>();
  let closed: Promise<void> | undefined;
  const runtime: Runtime = {
    config,
    logger,
    container,
    useCases,
    ports,
    database: infrastructure.database,
    sql: infrastructure.sql,
    health: async () => ({
      postgres: (await infrastructure.databaseUp()) ? 'up' : 'down',
      redis: await infrastructure.redisHealth(),
      search: ports.search.engine,
    }),
    runWorkerTick: (now) => runWorkerTick(useCases, now),
    startTicking: (intervalMs) => {
      const stop = startTicker(runtime, intervalMs, ports.clock);
      const remove = async () => {
        tickers.delete(remove);
        await stop();
      };
      tickers.add(remove);
      return remove;
    },
    flush: () => publisher().flush(),
    close: () =>
      (closed ??= (async () => {
        await Promise.all([...tickers].map((stop) => stop()));
        await publisher().close();
        await infrastructure.close();
        logger.info('doctorly runtime closed');
      })()),
  };
  return runtime;
}
