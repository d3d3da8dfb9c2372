import {
  Cache,
  Clock,
  DoctorSearchIndex,
  OutboxStore,
  RateLimiter,
  TokenRevocationStore,
  UnitOfWork,
} from '@doctorly/core';
import {
  InMemoryCache,
  InMemoryDoctorSearchIndex,
  InMemoryOutboxStore,
  InMemoryRateLimiter,
  InMemoryTokenRevocationStore,
  InMemoryUnitOfWork,
} from '@doctorly/core/memory';
import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';

/** A port {@link memoryModule} can serve from core's in-memory adapters. @category Modules */
export type MemoryPort =
  'unitOfWork' | 'outbox' | 'cache' | 'search' | 'revocations' | 'rateLimiter';

/** What {@link memoryModule} binds. @category Modules */
export interface MemoryModuleConfig {
  /**
   * The ports to bind (default: all six). The runtime binds only `cache` and `rateLimiter`
   * beside PostgreSQL when there is no Redis: each port then has exactly one module that
   * binds it, so nothing depends on the order modules are loaded in.
   */
  readonly ports?: readonly MemoryPort[];
}

const binders: Record<MemoryPort, (options: ContainerModuleLoadOptions) => void> = {
  unitOfWork: (options) => options.bind(UnitOfWork).toService(InMemoryUnitOfWork),
  outbox: (options) =>
    options
      .bind(OutboxStore)
      .toResolvedValue((uow) => new InMemoryOutboxStore(uow), [InMemoryUnitOfWork])
      .inSingletonScope(),
  cache: (options) =>
    options
      .bind(Cache)
      .toResolvedValue((clock) => new InMemoryCache(clock), [Clock])
      .inSingletonScope(),
  search: (options) =>
    options
      .bind(DoctorSearchIndex)
      .toResolvedValue(() => new InMemoryDoctorSearchIndex())
      .inSingletonScope(),
  revocations: (options) =>
    options
      .bind(TokenRevocationStore)
      .toResolvedValue((clock) => new InMemoryTokenRevocationStore(clock), [Clock])
      .inSingletonScope(),
  rateLimiter: (options) =>
    options
      .bind(RateLimiter)
      .toResolvedValue((clock) => new InMemoryRateLimiter(clock), [Clock])
      .inSingletonScope(),
};

const allPorts = Object.keys(binders) as MemoryPort[];

/**
 * Binds core's in-memory adapters (`@doctorly/core/memory`): nothing persists. For demos,
 * host tests and, with `ports: ['cache', 'rateLimiter']`, a single process without Redis.
 * Each adapter is a singleton built on first resolution from the bound {@link Clock} (which
 * this module does not bind: {@link nodeModule} or the host does). The module lives in the
 * runtime, not in core, because core does not import inversify.
 * @category Modules
 */
export function memoryModule(config: MemoryModuleConfig = {}): ContainerModule {
  const ports = config.ports ?? allPorts;
  return new ContainerModule((options) => {
    // The outbox reads the unit of work's own state: one instance serves both.
    if (ports.includes('unitOfWork') || ports.includes('outbox')) {
      options
        .bind(InMemoryUnitOfWork)
        .toResolvedValue(() => new InMemoryUnitOfWork())
        .inSingletonScope();
    }
    for (const port of ports) binders[port](options);
  });
}
