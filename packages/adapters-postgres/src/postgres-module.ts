import { DoctorSearchIndex, OutboxStore, TokenRevocationStore, UnitOfWork } from '@doctorly/core';
import { ContainerModule } from 'inversify';
import type { PostgresAdapters } from './create-postgres-adapters.js';

/**
 * Binds core's tokens to the PostgreSQL adapters: {@link UnitOfWork}, {@link OutboxStore},
 * {@link DoctorSearchIndex} and {@link TokenRevocationStore}, each a constant (the adapters
 * are built, and their pool opened, by {@link createPostgresAdapters}).
 * @category Adapters
 */
export function postgresModule(adapters: PostgresAdapters): ContainerModule {
  return new ContainerModule((options) => {
    options.bind<UnitOfWork>(UnitOfWork).toConstantValue(adapters.uow);
    options.bind<OutboxStore>(OutboxStore).toConstantValue(adapters.outbox);
    options.bind<DoctorSearchIndex>(DoctorSearchIndex).toConstantValue(adapters.search);
    options.bind<TokenRevocationStore>(TokenRevocationStore).toConstantValue(adapters.revocations);
  });
}
