/**
 * `@doctorly/core/testing`: in-memory adapters of every port (for tests and embedding
 * hosts' demos), the contract suite of each port, and fast-check arbitraries.
 *
 * Needs vitest and fast-check (optional peer dependencies of `@doctorly/core`): the
 * contract suites call vitest's `describe`, `it` and `expect`, and the arbitraries are
 * fast-check's. Production code that only wants the in-memory adapters imports
 * `@doctorly/core/memory`, which needs neither.
 * @module @doctorly/core/testing
 */
export * from '../memory/index.js';

export { type ContractSubject } from './contract-support.js';
export { describeUnitOfWorkContract, type UnitOfWorkSubject } from './unit-of-work-contract.js';
export { describeCacheContract, type CacheSubject } from './cache-contract.js';
export * from './arbitraries.js';
export { checkBookingModel } from './booking-model/run.js';
export { describeOutboxStoreContract } from './outbox-store-contract.js';
export {
  describeDoctorSearchIndexContract,
  searchFixtures,
  type DoctorSearchSubject,
} from './doctor-search-index-contract.js';
export {
  writeDoctorFixtures,
  upsertSeeder,
  repositorySeeder,
  type DoctorFixture,
} from './doctor-fixtures.js';
export {
  describeTokenRevocationStoreContract,
  type TokenRevocationSubject,
} from './token-revocation-store-contract.js';
export { describeRateLimiterContract, type RateLimiterSubject } from './rate-limiter-contract.js';
export { describeImageStoreContract, type ImageStoreSubject } from './image-store-contract.js';
export {
  describePasswordHasherContract,
  type PasswordHasherSubject,
} from './password-hasher-contract.js';
export { describeTokenIssuerContract, type TokenIssuerSubject } from './token-issuer-contract.js';
export { describeLiveChannelContract, type LiveChannelSubject } from './live-channel-contract.js';
