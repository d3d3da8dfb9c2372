import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  migrate,
  PgPoolSqlClient,
  postgresModule,
  type SqlClient,
} from '@doctorly/adapters-postgres';
import { RedisSearch, RedisTokenRevocationStore } from '@doctorly/adapters-redis';
import { DoctorSearchIndex, TokenRevocationStore, type Clock } from '@doctorly/core';
import type { Container } from 'inversify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { liveModule } from '../modules/live-module.js';
import { memoryModule } from '../modules/memory-module.js';
import type { Infrastructure } from './infrastructure.js';
import { openLiveChannel } from './live-infrastructure.js';
import { openRedis } from './redis-infrastructure.js';
import { withTimeout } from './with-timeout.js';

/** How long the health check waits for the database. */
const healthTimeoutMs = 2000;

/**
 * PostgreSQL (a server with `DATABASE_URL`, else PGlite in `DATA_DIR/pglite`) and, with
 * `REDIS_URL`, Redis for the cache, rate limits and revocations, and for search when it
 * has the Query Engine. Without Redis, the cache and the rate limits live in process memory
 * (right for one process; several replicas need `REDIS_URL`). Live notices fan out through
 * Redis, else PostgreSQL `LISTEN/NOTIFY` on a server, else in process (PGlite: one process).
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
        : await openRedis(config, config.redisUrl, sql, clock, logger);
    if (!redis)
      logger.info(
        { search: 'postgres', reason: 'REDIS_URL is not set' },
        'search engine: postgres',
      );
    const live = openLiveChannel(
      {
        ...(redis &&
          config.redisUrl !== undefined && {
            redis: {
              url: config.redisUrl,
              prefix: config.redisPrefix,
              publisher: redis.connection,
            },
          }),
        ...(sql.engine === 'postgres' &&
          config.liveDatabaseUrl !== undefined && {
            postgres: { url: config.liveDatabaseUrl, sql },
          }),
      },
      logger,
    );
    let closed: Promise<void> | undefined;
    return {
      database: sql.engine,
      live: live.fanOut,
      load: (container) => {
        container.load(postgresModule({ sql }), liveModule(live.channel));
        if (redis) {
          container.load(redis.module);
          serveFromRedis(container);
        } else {
          container.load(memoryModule({ ports: ['cache', 'rateLimiter'] }));
        }
      },
      sql,
      migrate: async () => {
        const report = await migrate(sql);
        logger.info({ migrations: report }, 'database migrated');
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
 * PostgreSQL and Redis both serve revocations and search; with Redis, Redis answers them
 * (revocations write through to PostgreSQL; searches fall back to it): an explicit choice.
 */
function serveFromRedis(container: Container): void {
  container.rebind(TokenRevocationStore).toService(RedisTokenRevocationStore);
  if (container.isBound(RedisSearch)) container.rebind(DoctorSearchIndex).toService(RedisSearch);
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
