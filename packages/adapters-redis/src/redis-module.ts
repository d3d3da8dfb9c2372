import { Cache, DoctorSearchIndex, RateLimiter, TokenRevocationStore } from '@doctorly/core';
import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';
import type { RedisAdapters } from './create-redis-adapters.js';
import {
  DoctorSearchIndexWithFallback,
  type SearchFallbackOptions,
} from './search/doctor-search-index-with-fallback.js';

/** Options of {@link redisModule}. @category Adapters */
export interface RedisModuleOptions {
  /** Answers searches while the Redis index cannot (PostgreSQL's index); see {@link DoctorSearchIndexWithFallback}. */
  readonly searchFallback?: DoctorSearchIndex;
  readonly searchFallbackOptions?: SearchFallbackOptions;
}

/**
 * Binds core's tokens to the Redis adapters, each a constant: {@link Cache}, {@link RateLimiter},
 * {@link TokenRevocationStore}, and {@link DoctorSearchIndex} only when the server has the
 * Query Engine. Load it after the PostgreSQL module: a token already bound (revocations,
 * search) is rebound to the Redis adapter.
 * @category Adapters
 */
export function redisModule(
  adapters: RedisAdapters,
  options: RedisModuleOptions = {},
): ContainerModule {
  return new ContainerModule((container) => {
    bindConstant<Cache>(container, Cache, adapters.cache);
    bindConstant<RateLimiter>(container, RateLimiter, adapters.rateLimiter);
    bindConstant<TokenRevocationStore>(container, TokenRevocationStore, adapters.revocations);
    if (adapters.search) {
      const search = options.searchFallback
        ? new DoctorSearchIndexWithFallback(
            adapters.search,
            options.searchFallback,
            options.searchFallbackOptions,
          )
        : adapters.search;
      bindConstant<DoctorSearchIndex>(container, DoctorSearchIndex, search);
    }
  });
}

function bindConstant<T>(container: ContainerModuleLoadOptions, token: symbol, value: T): void {
  const binding = container.isBound(token) ? container.rebind<T>(token) : container.bind<T>(token);
  binding.toConstantValue(value);
}
