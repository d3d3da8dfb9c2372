import {
  Cache, Clock, DoctorSearchIndex, ImageStore, OutboxPublisher, OutboxStore, PasswordHasher, RateLimiter,
  TokenIssuer, TokenRevocationStore, UnitOfWork,
} from '@doctorly/core';
import { Container, ContainerModule } from 'inversify';
import type { Ports } from './ports.js';
import { BookingPolicyToken, ConfigToken, LoggerToken, type RuntimeServices } from './tokens.js';
import { bindUseCases } from './use-cases.js';

/** The adapters that do not depend on the configuration's choice of stores. */
export interface ProcessAdapters {
  readonly clock: Clock;
  readonly imageStore: ImageStore;
  readonly passwordHasher: PasswordHasher;
  readonly tokenIssuer: TokenIssuer;
  readonly publisher: OutboxPublisher;
}

/**
 * The inversify container of a runtime, first with the infrastructure's modules (PostgreSQL,
 * then Redis or the in-process cache), loaded in order. No decorators, no emitted metadata.
 */
export function createContainer(infrastructureModules: readonly ContainerModule[]): Container {
  const container = new Container();
  container.load(...infrastructureModules);
  return container;
}

/** Adds the process adapters, the runtime's services and every use case (built from those). */
export function bindProcess(container: Container, adapters: ProcessAdapters, services: RuntimeServices): void {
  container.load(new ContainerModule((options) => {
    options.bind(Clock).toConstantValue(adapters.clock);
    options.bind(ImageStore).toConstantValue(adapters.imageStore);
    options.bind(PasswordHasher).toConstantValue(adapters.passwordHasher);
    options.bind(TokenIssuer).toConstantValue(adapters.tokenIssuer);
    options.bind(OutboxPublisher).toConstantValue(adapters.publisher);
    options.bind(ConfigToken).toConstantValue(services.config);
    options.bind(LoggerToken).toConstantValue(services.logger);
    options.bind(BookingPolicyToken).toConstantValue(services.bookingPolicy);
  }));
  bindUseCases(container);
}

/** Every port as the container resolves it. */
export function resolvePorts(container: Container): Ports {
  return {
    uow: container.get<UnitOfWork>(UnitOfWork),
    outbox: container.get<OutboxStore>(OutboxStore),
    publisher: container.get<OutboxPublisher>(OutboxPublisher),
    cache: container.get<Cache>(Cache),
    search: container.get<DoctorSearchIndex>(DoctorSearchIndex),
    clock: container.get<Clock>(Clock),
    imageStore: container.get<ImageStore>(ImageStore),
    passwordHasher: container.get<PasswordHasher>(PasswordHasher),
    tokenIssuer: container.get<TokenIssuer>(TokenIssuer),
    revocations: container.get<TokenRevocationStore>(TokenRevocationStore),
    rateLimiter: container.get<RateLimiter>(RateLimiter),
  };
}
