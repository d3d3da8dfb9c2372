// The cache port, its keys, the invalidation table and the read-through helper.
export * from './cache.js';
export * from './cache-keys.js';
export * from './tags-for-event.js';
export * from './deep-freeze.js';
export * from './read-through.js';
