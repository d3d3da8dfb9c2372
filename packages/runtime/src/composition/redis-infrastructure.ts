import {
  PostgresDoctorSearchIndex,
  PostgresTokenRevocationStore,
  type SqlClient,
} from '@doctorly/adapters-postgres';
import {
  createRedisAdapters,
  redisModule,
  type FailOpenRedis,
  type RedisAdapterEvent,
  type RedisAdapters,
} from '@doctorly/adapters-redis';
import type { Clock } from '@doctorly/core';
import type { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { throttledWarning } from './throttled-warning.js';
import type { Config } from '../config/index.js';
import type { RedisHealth } from './infrastructure.js';

/** Redis as the runtime uses it: the module binding its adapters, a health probe, close. */
export interface RedisInfrastructure {
  readonly module: ContainerModule;
  /** The adapters' normal connection (live notices are published on it). */
  readonly connection: FailOpenRedis;
  health(): Promise<RedisHealth>;
  close(): Promise<void>;
}

/**
 * Opens the Redis adapters: cache, rate limits, revocations (written to PostgreSQL too, and
 * checked there when Redis cannot answer for sure) and, by `SEARCH_ENGINE`, the Query Engine
 * index with PostgreSQL answering searches while Redis cannot. Logs the engine and why.
 * @throws Error when `SEARCH_ENGINE=redis` and the server has no Query Engine.
 */
export async function openRedis(
  config: Config,
  url: string,
  sql: SqlClient,
  clock: Clock,
  logger: Logger,
): Promise<RedisInfrastructure> {
  const onEvent = redisEventLogger(logger);
  const durableRevocations = new PostgresTokenRevocationStore(sql, clock);
  const adapters = await createRedisAdapters({
    url,
    prefix: config.redisPrefix,
    commandTimeoutMs: config.cacheTimeoutMs,
    localCacheBytes: config.cacheLocalBytes,
    onEvent,
    // Built here, not resolved: the Redis adapters (connection, capability probe) exist before
    // the container does. It holds no state beyond the pool, so a second instance is harmless.
    revocationFallback: durableRevocations,
    // A fresh or flushed Redis is filled from PostgreSQL at once (docs/adr/0012).
    revocationSnapshot: durableRevocations,
    maxTokenLifetimeMs: config.tokenTtlSeconds * 1000,
    search: config.searchEngine === 'postgres' ? 'off' : 'auto',
  });
  try {
    if (!(await adapters.ready()))
      logger.warn(
        { redis: adapters.state() },
        'Redis is not reachable yet: cache and rate limits fail open until it is',
      );
    logSearchChoice(config, adapters, logger);
  } catch (error) {
    await adapters.close();
    throw error;
  }
  return {
    module: redisModule(adapters, {
      searchFallback: PostgresDoctorSearchIndex,
      searchFallbackOptions: { onEvent },
    }),
    connection: adapters.redis,
    health: () => redisHealth(adapters),
    close: () => adapters.close(),
  };
}

function logSearchChoice(config: Config, adapters: RedisAdapters, logger: Logger): void {
  const { reason } = adapters.capabilities;
  if (adapters.search) {
    logger.info(
      { search: 'redis', reason },
      'search engine: redis (Redis Query Engine; PostgreSQL answers while it cannot)',
    );
  } else if (config.searchEngine === 'redis') {
    throw new Error(
      `SEARCH_ENGINE=redis, but the Redis at REDIS_URL cannot serve search: ${reason}`,
    );
  } else if (config.searchEngine === 'postgres') {
    logger.info(
      { search: 'postgres', reason: 'SEARCH_ENGINE=postgres' },
      'search engine: postgres',
    );
  } else {
    logger.info(
      { search: 'postgres', reason },
      'search engine: postgres (the Redis at REDIS_URL has no Query Engine)',
    );
  }
}

/** `up`: answers with the breaker closed; `degraded`: answers, but recent failures opened the breaker; `down`: no answer. */
async function redisHealth(adapters: RedisAdapters): Promise<RedisHealth> {
  const outcome = await adapters.redis.run('health.ping', (client) => client.ping());
  if (!outcome.ok) return 'down';
  return adapters.state() === 'closed' ? 'up' : 'degraded';
}

/** Redis trouble goes to the log, at most once per second per kind, so an outage does not flood it. */
function redisEventLogger(logger: Logger): (event: RedisAdapterEvent) => void {
  const warn = throttledWarning<RedisAdapterEvent>(
    logger,
    'redisEvent',
    (event) => `Redis ${event.type}`,
  );
  return (event) => {
    if (event.type === 'state') logger.warn({ redis: event.state }, `Redis circuit ${event.state}`);
    else warn(event);
  };
}
