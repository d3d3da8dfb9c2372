import { memoryModule } from '../modules/memory-module.js';
import type { Infrastructure } from './infrastructure.js';

/**
 * Everything in process memory (core's in-memory adapters): nothing persists. For
 * embedders' demos and host tests that do not need a database.
 */
export function createMemoryInfrastructure(): Infrastructure {
  return {
    database: 'memory',
    load: (container) => container.load(memoryModule()),
    sql: undefined,
    migrate: () => Promise.resolve(),
    databaseUp: () => Promise.resolve(true),
    redisHealth: () => Promise.resolve('disabled'),
    close: () => Promise.resolve(),
  };
}
