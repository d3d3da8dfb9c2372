import type { TokenRevocationStore } from '@doctorly/core';
import { InvalidationTracking } from './cache/invalidation-tracking.js';
import { LocalTier } from './cache/local-tier.js';
import { RedisCache } from './cache/redis-cache.js';
import { detectRedisCapabilities, type RedisCapabilities } from './capabilities.js';
import type { BreakerOptions, BreakerState } from './fail-open/circuit-breaker.js';
import type { RedisEventListener } from './fail-open/events.js';
import { FailOpenRedis } from './fail-open/fail-open-redis.js';
import type { OpenedSearchIndex } from './search/open-redis-doctor-search-index.js';
import type { RedisDoctorSearchIndex } from './search/redis-doctor-search-index.js';
import { RedisRateLimiter } from './security/redis-rate-limiter.js';
import { RedisTokenRevocationStore } from './security/redis-token-revocation-store.js';

/** Configuration of {@link createRedisAdapters}. @category Adapters */
export interface RedisAdaptersConfig {
  readonly url: string;
  /** Put before every key and index name (several apps or tests on one Redis). Default `''`. */
  readonly prefix?: string;
  /** Deadline of each cache, revocation and rate-limit call. Default 50 ms. */
  readonly commandTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  /** Default: open after 5 consecutive failures, probe again after 5 s. */
  readonly breaker?: BreakerOptions;
  readonly onEvent?: RedisEventListener;
  /** The durable (PostgreSQL) revocation store; see {@link RedisTokenRevocationStore}. */
  readonly revocationFallback?: TokenRevocationStore;
  /** The longest token lifetime (ms), for the revocation store. Default one hour. */
  readonly maxTokenLifetimeMs?: number;
  /** `auto` (default): a Query Engine index when the server has it; `off`: never. */
  readonly search?: 'auto' | 'off';
  /**
   * Bytes of cache entries (their JSON) kept in this process as well, kept true by Redis'
   * invalidation messages (see {@link RedisCache}, {@link InvalidationTracking}). Default 0:
   * none.
   */
  readonly localCacheBytes?: number;
}

/**
 * Every Redis adapter over one connection, plus a listening one for the in-process cache
 * tier's invalidations when it is on, and a node-redis client when search runs on Redis.
 * @category Adapters
 */
export interface RedisAdapters {
  readonly redis: FailOpenRedis;
  readonly cache: RedisCache;
  readonly revocations: RedisTokenRevocationStore;
  readonly rateLimiter: RedisRateLimiter;
  /** The Query Engine index, when the server has the Query Engine and RedisJSON. */
  readonly search: RedisDoctorSearchIndex | undefined;
  readonly capabilities: RedisCapabilities;
  /** The breaker's state, for `/readyz` and metrics. */
  state(): BreakerState;
  /** Waits (bounded) for the connection; `false` means the adapters run fail-open for now. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Builds the Redis adapters. Never fails because Redis is down: the cache, revocation store
 * and rate limiter then answer fail-open and recover by themselves; only the search index
 * needs the server at start (its capabilities are checked then, and `search` stays
 * `undefined` when they are missing — see `capabilities.reason` for the log).
 * @category Adapters
 */
export async function createRedisAdapters(config: RedisAdaptersConfig): Promise<RedisAdapters> {
  const prefix = config.prefix ?? '';
  const redis = new FailOpenRedis(config.url, {
    ...(config.commandTimeoutMs !== undefined && { commandTimeoutMs: config.commandTimeoutMs }),
    ...(config.connectTimeoutMs !== undefined && { connectTimeoutMs: config.connectTimeoutMs }),
    ...(config.breaker !== undefined && { breaker: config.breaker }),
    ...(config.onEvent !== undefined && { onEvent: config.onEvent }),
  });
  const capabilities: RedisCapabilities =
    config.search === 'off'
      ? { search: false, json: false, reason: 'Redis search disabled by configuration.' }
      : await detectRedisCapabilities(config.url);
  const search =
    capabilities.search && capabilities.json ? await openSearchIndex(config, prefix) : undefined;
  const local =
    (config.localCacheBytes ?? 0) > 0 ? new LocalTier(config.localCacheBytes!) : undefined;
  const cache = new RedisCache(redis, prefix, local);
  const tracking =
    local &&
    new InvalidationTracking(redis.client, local, {
      url: config.url,
      entryPrefix: cache.entryPrefix,
      generationKey: cache.generationKey,
      ...(config.connectTimeoutMs !== undefined && { connectTimeoutMs: config.connectTimeoutMs }),
      ...(config.onEvent !== undefined && { onEvent: config.onEvent }),
    });
  return {
    redis,
    cache,
    revocations: new RedisTokenRevocationStore(redis, {
      prefix,
      ...(config.revocationFallback !== undefined && { fallback: config.revocationFallback }),
      ...(config.maxTokenLifetimeMs !== undefined && {
        maxTokenLifetimeMs: config.maxTokenLifetimeMs,
      }),
    }),
    rateLimiter: new RedisRateLimiter(redis, prefix),
    search: search?.index,
    capabilities,
    state: () => redis.state(),
    ready: (timeoutMs) => redis.ready(timeoutMs),
    close: async () => {
      await tracking?.close();
      await Promise.all([redis.close(), search?.close()]);
    },
  };
}

/**
 * The Query Engine index, or `undefined` if its client cannot connect. node-redis and
 * redis-om are imported here, only when the server has the Query Engine: most hosts never
 * load them (tens of MB of heap).
 */
async function openSearchIndex(
  config: RedisAdaptersConfig,
  prefix: string,
): Promise<OpenedSearchIndex | undefined> {
  const { openRedisDoctorSearchIndex } = await import('./search/open-redis-doctor-search-index.js');
  return openRedisDoctorSearchIndex({
    url: config.url,
    prefix,
    ...(config.connectTimeoutMs !== undefined && { connectTimeoutMs: config.connectTimeoutMs }),
    onError: (error) => config.onEvent?.({ type: 'connection-error', error }),
  });
}
