import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  migrate,
  PgPoolSqlClient,
  postgresModule,
  PostgresTokenRevocationStore,
  type SqlClient,
} from '@doctorly/adapters-postgres';
import {
  DoctorSearchIndex,
  TokenRevocationStore,
  type Clock,
  type LiveChannel,
  type LiveChannelEventListener,
} from '@doctorly/core';
import type { Container } from 'inversify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { liveModule } from '../modules/live-module.js';
import { memoryModule } from '../modules/memory-module.js';
import { EmbeddedRevocationStore } from './embedded-revocations.js';
import type { Infrastructure } from './infrastructure.js';
import { openLiveChannel } from './live-infrastructure.js';
import type { RedisInfrastructure } from './redis-infrastructure.js';
import { withTimeout } from './with-timeout.js';

/** How long the health check waits for the database. */
const healthTimeoutMs = 2000;

/**
 * PostgreSQL (a server with `DATABASE_URL`, else PGlite in `DATA_DIR/pglite`) and, with
 * `REDIS_URL`, Redis for the cache, rate limits and revocations, and for search when it
 * has the Query Engine. Without Redis, the cache and the rate limits live in process memory
 * (right for one process; several replicas need `REDIS_URL`). On PGlite without Redis, the
 * one process that owns the database also holds the revocations in memory and trusts them
 * ({@link EmbeddedRevocationStore}, loaded at migration): a cached read never waits on PGlite.
 * Live notices fan out through Redis, else PostgreSQL `LISTEN/NOTIFY` on a server, else in
 * process (PGlite: one process).
 * Logs what was chosen and why.
 */
export async function createStoreInfrastructure(
  config: Config,
  clock: Clock,
  logger: Logger,
): Promise<Infrastructure> {
  const sql = await openSql(config, logger);
  try {
    const redis =
      config.redisUrl === undefined
        ? undefined
        : await openRedisLazily(config, config.redisUrl, sql, clock, logger);
    if (!redis)
      logger.info(
        { search: 'postgres', reason: 'REDIS_URL is not set' },
        'search engine: postgres',
      );
    const live = openLiveChannel(
      {
        ...(redis && { redis: { open: (onEvent) => redis.openLiveChannel(onEvent) } }),
        ...(sql.engine === 'postgres' &&
          config.liveDatabaseUrl !== undefined && {
            postgres: { url: config.liveDatabaseUrl, sql },
          }),
      },
      logger,
    );
    // Only PGlite is owned by this process alone; a PostgreSQL server may have other writers.
    const revocations =
      !redis && sql.engine === 'pglite'
        ? new EmbeddedRevocationStore(new PostgresTokenRevocationStore(sql, clock), clock)
        : undefined;
    let closed: Promise<void> | undefined;
    return {
      database: sql.engine,
      live: live.fanOut,
      load: (container) => {
        container.load(postgresModule({ sql }), liveModule(live.channel));
        if (redis) {
          container.load(redis.module);
          redis.serve(container);
        } else {
          container.load(memoryModule({ ports: ['cache', 'rateLimiter'] }));
        }
        if (revocations) container.rebind(TokenRevocationStore).toConstantValue(revocations);
      },
      sql,
      migrate: async () => {
        const report = await migrate(sql);
        logger.info({ migrations: report }, 'database migrated');
        if (revocations)
          logger.info(
            { revocations: await revocations.load() },
            'token revocations loaded into memory (embedded: this process owns the database)',
          );
      },
      databaseUp: () => databaseUp(sql),
      redisHealth: () => (redis ? redis.health() : Promise.resolve('disabled')),
      // The live channel first: it publishes through the pool and Redis connection.
      close: () =>
        (closed ??= live.channel
          .close()
          .then(() => Promise.all([redis?.close(), sql.close()]))
          .then(() => undefined)),
    };
  } catch (error) {
    await sql.close().catch(() => {});
    throw error;
  }
}

/**
 * Opens Redis, loading its package (and ioredis) only now: without `REDIS_URL` the process
 * never imports them, which saved about 0.45 s of start-up on a busy 2-core machine.
 * `serve` makes the choice explicit where PostgreSQL and Redis could both serve a port: with
 * Redis, Redis answers revocations (written through to PostgreSQL) and search (falling back
 * to PostgreSQL).
 */
async function openRedisLazily(
  config: Config,
  url: string,
  sql: SqlClient,
  clock: Clock,
  logger: Logger,
): Promise<
  RedisInfrastructure & {
    serve(container: Container): void;
    openLiveChannel(onEvent: LiveChannelEventListener): LiveChannel;
  }
> {
  const [{ openRedis }, { RedisLiveChannel, RedisSearch, RedisTokenRevocationStore }] =
    await Promise.all([import('./redis-infrastructure.js'), import('@doctorly/adapters-redis')]);
  const redis = await openRedis(config, url, sql, clock, logger);
  return {
    ...redis,
    openLiveChannel: (onEvent) =>
      new RedisLiveChannel({
        url,
        prefix: config.redisPrefix,
        publisher: redis.connection,
        onEvent,
      }),
    serve: (container) => {
      container.rebind(TokenRevocationStore).toService(RedisTokenRevocationStore);
      if (container.isBound(RedisSearch))
        container.rebind(DoctorSearchIndex).toService(RedisSearch);
    },
  };
}

async function openSql(config: Config, logger: Logger): Promise<SqlClient> {
  if (config.databaseUrl !== undefined) {
    logger.info(
      { database: 'postgres', host: new URL(config.databaseUrl).host },
      'database: PostgreSQL server',
    );
    return new PgPoolSqlClient({ url: config.databaseUrl, poolSize: config.pgPoolSize });
  }
  const dataDir = join(config.dataDir, 'pglite');
  mkdirSync(config.dataDir, { recursive: true });
  logger.info(
    { database: 'pglite', dataDir },
    'database: embedded PGlite (DATABASE_URL is not set)',
  );
  compileWasmWithLiftoffOnly();
  // PGlite (tens of MB once started) is loaded only by a host that embeds its database.
  const { PGliteSqlClient } = await import('@doctorly/adapters-postgres/pglite');
  return PGliteSqlClient.open(dataDir);
}

async function databaseUp(sql: SqlClient): Promise<boolean> {
  try {
    await withTimeout(sql.query('SELECT 1'), healthTimeoutMs);
    return true;
  } catch {
    return false;
  }
}

/**
 * Has V8 compile WebAssembly with its baseline compiler (Liftoff) only, before PGlite's 9 MB
 * module is compiled: the optimizing tier (TurboFan) recompiles every hot PostgreSQL function
 * in the background, which cost about 80 MB of RSS (a restart with the demo data: 255 MB
 * against 174 MB at ready) and competes for the CPU just when the server starts. On the
 * embedded default the cached reads never reach PGlite, and on a busy 2-core machine 330
 * queries even ran faster without the tier-up (1.0–1.1 s against 4.3–4.8 s). The flag is
 * process-wide and only ever set here, on the embedded default (Node keeps V8's flags
 * writable for `v8.setFlagsFromString`); a failure to set it costs memory, not correctness.
 */
function compileWasmWithLiftoffOnly(): void {
  try {
    setFlagsFromString('--liftoff-only');
  } catch {
    // Memory, not correctness: PGlite runs either way.
  }
}
