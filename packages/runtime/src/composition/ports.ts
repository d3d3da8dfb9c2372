import type {
  Cache, Clock, DoctorSearchIndex, ImageStore, OutboxPublisher, OutboxStore, PasswordHasher, RateLimiter,
  TokenIssuer, TokenRevocationStore, UnitOfWork,
} from '@doctorly/core';

/** The adapters a runtime resolved, by port. @category Composition */
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
}
