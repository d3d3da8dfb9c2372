import {
  Cache,
  Clock,
  DoctorSearchIndex,
  ImageStore,
  LiveChannel,
  OutboxPublisher,
  OutboxStore,
  PasswordHasher,
  RateLimiter,
  TokenIssuer,
  TokenRevocationStore,
  UnitOfWork,
  type ServiceToken,
} from '@doctorly/core';
import type { Container } from 'inversify';

/** The adapters a runtime serves, by port. @category Composition */
export interface Ports {
  readonly uow: UnitOfWork;
  readonly outbox: OutboxStore;
  readonly publisher: OutboxPublisher;
  readonly cache: Cache;
  readonly search: DoctorSearchIndex;
  readonly clock: Clock;
  readonly imageStore: ImageStore;
  readonly passwordHasher: PasswordHasher;
  readonly tokenIssuer: TokenIssuer;
  readonly revocations: TokenRevocationStore;
  readonly rateLimiter: RateLimiter;
  /** Live notices to every replica (Redis pub/sub, PostgreSQL LISTEN/NOTIFY or in process). */
  readonly live: LiveChannel;
}

/** Which token serves each member of {@link Ports}; the mapped type keeps the two in step. */
const tokens: { readonly [K in keyof Ports]: ServiceToken<Ports[K]> } = {
  uow: UnitOfWork,
  outbox: OutboxStore,
  publisher: OutboxPublisher,
  cache: Cache,
  search: DoctorSearchIndex,
  clock: Clock,
  imageStore: ImageStore,
  passwordHasher: PasswordHasher,
  tokenIssuer: TokenIssuer,
  revocations: TokenRevocationStore,
  rateLimiter: RateLimiter,
  live: LiveChannel,
};

/** The ports of `container`, each resolved on first access (adapters are singletons). */
export function lazyPorts(container: Pick<Container, 'get'>): Ports {
  const ports = {};
  const define = <K extends keyof Ports>(key: K): void => {
    const token: ServiceToken<Ports[K]> = tokens[key];
    Object.defineProperty(ports, key, { enumerable: true, get: () => container.get(token) });
  };
  for (const key of Object.keys(tokens) as (keyof Ports)[]) define(key);
  // Each key was defined just above with the getter of its own token.
  return ports as Ports;
}
