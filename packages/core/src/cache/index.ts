export * from './read-through.js';
export * from './deep-freeze.js';
export * from './cache-keys.js';
export * from './tags-for-event.js';
