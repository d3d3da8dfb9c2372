import { Cache, RateLimiter, type DoctorSearchIndex, type ServiceToken } from '@doctorly/core';
import { ContainerModule, type ServiceIdentifier } from 'inversify';
import type { RedisAdapters } from './create-redis-adapters.js';
import {
  DoctorSearchIndexWithFallback,
  type SearchFallbackOptions,
} from './search/doctor-search-index-with-fallback.js';
import { RedisTokenRevocationStore } from './security/redis-token-revocation-store.js';

/**
 * Injection token of the Redis Query Engine search index (behind its fallback when one is
 * given), bound only when the server has the Query Engine.
 * @category Adapters
 */
export const RedisSearch: ServiceToken<DoctorSearchIndex> = Symbol.for(
  'doctorly.redis.DoctorSearchIndex',
);

/** Options of {@link redisModule}. @category Adapters */
export interface RedisModuleOptions {
  /**
   * The index that answers searches while the Redis index cannot (e.g. `PostgresDoctorSearchIndex`,
   * bound by `postgresModule`), resolved from the container when search is first used; see
   * {@link DoctorSearchIndexWithFallback}.
   */
  readonly searchFallback?: ServiceIdentifier<DoctorSearchIndex>;
  readonly searchFallbackOptions?: SearchFallbackOptions;
}

/**
 * Binds the Redis adapters of `adapters` (built, with their connection, by
 * {@link createRedisAdapters}): core's {@link Cache} and {@link RateLimiter}, and under
 * identifiers of their own the {@link RedisTokenRevocationStore} and, when the server has the
 * Query Engine, the search index ({@link RedisSearch}).
 *
 * Why not `TokenRevocationStore` and `DoctorSearchIndex` themselves: `postgresModule` binds
 * those too, and which package serves them is the host's decision, made explicitly
 * (`container.rebind(TokenRevocationStore).toService(RedisTokenRevocationStore)`), not an
 * accident of the order modules are loaded in.
 * @example
 * ```ts
 * container.load(postgresModule({ sql }), redisModule(redis, { searchFallback: PostgresDoctorSearchIndex }));
 * container.rebind(TokenRevocationStore).toService(RedisTokenRevocationStore);
 * if (container.isBound(RedisSearch)) container.rebind(DoctorSearchIndex).toService(RedisSearch);
 * ```
 * @category Adapters
 */
export function redisModule(
  adapters: RedisAdapters,
  options: RedisModuleOptions = {},
): ContainerModule {
  return new ContainerModule((container) => {
    container.bind(Cache).toConstantValue(adapters.cache);
    container.bind(RateLimiter).toConstantValue(adapters.rateLimiter);
    container.bind(RedisTokenRevocationStore).toConstantValue(adapters.revocations);
    const index = adapters.search;
    if (!index) return;
    const fallback = options.searchFallback;
    if (fallback === undefined) {
      container.bind(RedisSearch).toConstantValue(index);
      return;
    }
    container
      .bind(RedisSearch)
      .toResolvedValue(
        (answer) => new DoctorSearchIndexWithFallback(index, answer, options.searchFallbackOptions),
        [fallback],
      )
      .inSingletonScope();
  });
}
