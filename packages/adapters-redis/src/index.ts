/**
 * `@doctorly/adapters-redis`: Redis adapters of Doctorly's ports — a fail-open cache, the
 * Redis Query Engine doctor search index, a token revocation store and a rate limiter.
 * Redis serves reads fast; it is never the source of truth, and a Redis failure never fails a
 * request that PostgreSQL can answer. The Query Engine index itself (node-redis, redis-om) is
 * exported from `@doctorly/adapters-redis/search` and loaded only when the server has it.
 * @module @doctorly/adapters-redis
 */
export * from './fail-open/circuit-breaker.js';
export * from './fail-open/events.js';
export * from './fail-open/fail-open-redis.js';
export * from './cache/redis-cache.js';
export * from './cache/local-tier.js';
export * from './cache/invalidation-tracking.js';
export * from './security/redis-rate-limiter.js';
export * from './security/redis-token-revocation-store.js';
export type { RebuildOutcome } from './security/revocation-rebuild.js';
export * from './security/revocation-snapshot.js';
export * from './search/doctor-search-index-with-fallback.js';
export { doctorIndexNames, type DoctorIndexNames } from './search/doctor-index-names.js';
export * from './capabilities.js';
export * from './create-redis-adapters.js';
export * from './redis-module.js';
export * from './live/redis-live-channel.js';
