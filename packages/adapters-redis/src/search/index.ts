/**
 * `@doctorly/adapters-redis/search`: the doctor search index on the Redis Query Engine
 * (redis-om over a node-redis v4 client). A subpath of its own so that importing the
 * package's root never loads node-redis and redis-om: `createRedisAdapters` imports
 * them only when the server has the Query Engine.
 * @module @doctorly/adapters-redis/search
 */
export * from './redis-doctor-search-index.js';
export * from './open-redis-doctor-search-index.js';
