import {
  Cache, DoctorSearchIndex, OutboxStore, RateLimiter, TokenRevocationStore, UnitOfWork, type Clock,
} from '@doctorly/core';
import {
  InMemoryCache, InMemoryDoctorSearchIndex, InMemoryOutboxStore, InMemoryRateLimiter,
  InMemoryTokenRevocationStore, InMemoryUnitOfWork,
} from '@doctorly/core/memory';
import { ContainerModule } from 'inversify';
import type { Infrastructure } from './infrastructure.js';

/**
 * Everything in process memory (core's in-memory adapters): nothing persists. For
 * embedders' demos and host tests that do not need a database.
 */
export function createMemoryInfrastructure(clock: Clock): Infrastructure {
  const uow = new InMemoryUnitOfWork();
  const module = new ContainerModule((options) => {
    options.bind(UnitOfWork).toConstantValue(uow);
    options.bind(OutboxStore).toConstantValue(new InMemoryOutboxStore(uow));
    options.bind(Cache).toConstantValue(new InMemoryCache(clock));
    options.bind(DoctorSearchIndex).toConstantValue(new InMemoryDoctorSearchIndex());
    options.bind(TokenRevocationStore).toConstantValue(new InMemoryTokenRevocationStore(clock));
    options.bind(RateLimiter).toConstantValue(new InMemoryRateLimiter(clock));
  });
  return {
    database: 'memory',
    modules: [module],
    sql: undefined,
    migrate: () => Promise.resolve(),
    databaseUp: () => Promise.resolve(true),
    redisHealth: () => Promise.resolve('disabled'),
    close: () => Promise.resolve(),
  };
}
