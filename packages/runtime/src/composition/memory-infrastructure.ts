import type { Logger } from 'pino';
import { liveModule } from '../modules/live-module.js';
import { memoryModule } from '../modules/memory-module.js';
import type { Infrastructure } from './infrastructure.js';
import { openLiveChannel } from './live-infrastructure.js';

/**
 * Everything in process memory (core's in-memory adapters, live updates in process):
 * nothing persists. For embedders' demos and host tests that do not need a database.
 */
export function createMemoryInfrastructure(logger: Logger): Infrastructure {
  const live = openLiveChannel({}, logger);
  return {
    database: 'memory',
    live: live.fanOut,
    load: (container) => container.load(memoryModule(), liveModule(live.channel)),
    sql: undefined,
    migrate: () => Promise.resolve(),
    databaseUp: () => Promise.resolve(true),
    redisHealth: () => Promise.resolve('disabled'),
    close: () => live.channel.close(),
  };
}
