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
import type { RevocationSnapshotSource } from './security/revocation-snapshot.js';

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
  /** Where a fresh Redis copies the unexpired revocations from (normally the fallback itself). */
  readonly revocationSnapshot?: RevocationSnapshotSource;
  /** The longest token lifetime (ms), for the revocation store. Default one hour. */
  readonly maxTokenLifetimeMs?: number;
  /** `auto` (default): a Query Engine index when the server has it; `off`: never. */
  readonly search?: 'auto' | 'off';
  /**
   * Bytes of cache entries (their JSON) kept in this process as well, kept true by Redis'
   * invalidation messages (see {@link RedisCache}, {@link InvalidationTracking}); with it,
   * "not revoked" answers of the revocation store are kept too (a small fixed bound).
   * Default 0: none.
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
  const commandTimeoutMs = config.commandTimeoutMs ?? 50;
  const tiers =
    (config.localCacheBytes ?? 0) > 0
      ? localTiers(config.localCacheBytes!, commandTimeoutMs)
      : undefined;
  const cache = new RedisCache(redis, prefix, tiers?.cache);
  const revocations = new RedisTokenRevocationStore(redis, {
    prefix,
    ...(config.revocationFallback !== undefined && { fallback: config.revocationFallback }),
    ...(config.revocationSnapshot !== undefined && { snapshot: config.revocationSnapshot }),
    ...(config.maxTokenLifetimeMs !== undefined && {
      maxTokenLifetimeMs: config.maxTokenLifetimeMs,
    }),
    ...(tiers !== undefined && { localTier: tiers.revocations }),
  });
  const tracking =
    tiers &&
    new InvalidationTracking(redis.client, {
      url: config.url,
      tiers: [
        { tier: tiers.cache, keyPrefix: cache.entryPrefix, resetKey: cache.generationKey },
        {
          tier: tiers.revocations,
          keyPrefix: revocations.keyPrefix,
          resetKey: revocations.sinceKey,
        },
      ],
      proofTimeoutMs: commandTimeoutMs,
      ...(config.connectTimeoutMs !== undefined && { connectTimeoutMs: config.connectTimeoutMs }),
      ...(config.onEvent !== undefined && { onEvent: config.onEvent }),
    });
  return {
    redis,
    cache,
    revocations,
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
 * The in-process tiers: cache entries (up to `cacheBytes`, each weighed at twice its JSON's
 * length: the parsed value and what readers keep beside it; answering for a second
 * after the last proof that invalidations arrive, as ADR 0005 has it) and "not revoked"
 * answers (a fixed bound; answering no longer after that proof than a Redis call may take,
 * so that a Redis gone silent is never outlived: see docs/adr/0007).
 */
function localTiers(
  cacheBytes: number,
  commandTimeoutMs: number,
): { cache: LocalTier<unknown>; revocations: LocalTier<true> } {
  return {
    cache: new LocalTier<unknown>(cacheBytes, { leaseMs: 1_000 }),
    revocations: new LocalTier<true>(revocationTierBytes, { leaseMs: commandTimeoutMs }),
  };
}

/** About 8,000 tokens' answers (a key of ~60 characters and an entry each). */
const revocationTierBytes = 1_000_000;

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
