import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPostgresAdapters, postgresModule, type PostgresAdapters, type PostgresConfig,
} from '@doctorly/adapters-postgres';
import { Cache, RateLimiter, type Clock } from '@doctorly/core';
import { InMemoryCache, InMemoryRateLimiter } from '@doctorly/core/memory';
import { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Infrastructure } from './infrastructure.js';
import { openRedis } from './redis-infrastructure.js';
import { withTimeout } from './with-timeout.js';

/** How long the health check waits for the database. */
const healthTimeoutMs = 2000;

/**
 * PostgreSQL (a server with `DATABASE_URL`, else PGlite in `DATA_DIR/pglite`) and, with
 * `REDIS_URL`, Redis for the cache, rate limits and revocations, and for search when it
 * has the Query Engine. Without Redis, the cache and the rate limits live in process memory
 * (right for one process; several replicas need `REDIS_URL`). Logs what was chosen and why.
 */
export async function createStoreInfrastructure(config: Config, clock: Clock, logger: Logger): Promise<Infrastructure> {
  const postgres = await openPostgres(config, clock, logger);
  try {
    const redis = config.redisUrl === undefined ? undefined : await openRedis(config, config.redisUrl, postgres, logger);
    if (!redis) logger.info({ search: 'postgres', reason: 'REDIS_URL is not set' }, 'search engine: postgres');
    let closed: Promise<void> | undefined;
    return {
      database: postgres.sql.engine,
      modules: [postgresModule(postgres), redis?.module ?? inProcessModule(clock)],
      sql: postgres.sql,
      migrate: async () => {
        const report = await postgres.migrate();
        logger.info({ migrations: report }, 'database migrated');
      },
      databaseUp: () => databaseUp(postgres),
      redisHealth: () => (redis ? redis.health() : Promise.resolve('disabled')),
      close: () => (closed ??= Promise.all([redis?.close(), postgres.close()]).then(() => undefined)),
    };
  } catch (error) {
    await postgres.close().catch(() => {});
    throw error;
  }
}

/** The cache and rate limits in process memory, when there is no Redis. */
function inProcessModule(clock: Clock): ContainerModule {
  return new ContainerModule((options) => {
    options.bind(Cache).toConstantValue(new InMemoryCache(clock));
    options.bind(RateLimiter).toConstantValue(new InMemoryRateLimiter(clock));
  });
}

async function openPostgres(config: Config, clock: Clock, logger: Logger): Promise<PostgresAdapters> {
  if (config.databaseUrl !== undefined) {
    const target: PostgresConfig = { url: config.databaseUrl, poolSize: config.pgPoolSize };
    logger.info({ database: 'postgres', host: new URL(config.databaseUrl).host }, 'database: PostgreSQL server');
    return createPostgresAdapters(target, clock);
  }
  const dataDir = join(config.dataDir, 'pglite');
  mkdirSync(config.dataDir, { recursive: true });
  logger.info({ database: 'pglite', dataDir }, 'database: embedded PGlite (DATABASE_URL is not set)');
  return createPostgresAdapters({ dataDir }, clock);
}

async function databaseUp(postgres: PostgresAdapters): Promise<boolean> {
  try {
    await withTimeout(postgres.sql.query('SELECT 1'), healthTimeoutMs);
    return true;
  } catch {
    return false;
  }
}
