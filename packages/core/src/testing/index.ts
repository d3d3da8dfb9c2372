/**
 * `@doctorly/core/testing`: in-memory adapters of every port (for tests and embedding
 * hosts' demos), the contract suite of each port, and fast-check arbitraries.
 * @module @doctorly/core/testing
 */
export { emptyInMemoryState, type InMemoryState, type InMemoryOutboxRow } from './in-memory-state.js';
export { InMemoryUnitOfWork, InMemoryOutboxWriter } from './in-memory-unit-of-work.js';
export { InMemoryUserRepository } from './in-memory-user-repository.js';
export { InMemoryDoctorRepository } from './in-memory-doctor-repository.js';
export { InMemoryCatalogRepository } from './in-memory-catalog-repository.js';
export { InMemoryPatientRepository } from './in-memory-patient-repository.js';
export { InMemorySlotRepository } from './in-memory-slot-repository.js';
export { InMemorySittingRepository } from './in-memory-sitting-repository.js';
export { InMemoryAppointmentRepository } from './in-memory-appointment-repository.js';
export { InMemoryRatingRepository } from './in-memory-rating-repository.js';
export { InMemoryOutboxStore } from './in-memory-outbox-store.js';
export { InMemoryCache } from './in-memory-cache.js';
export { InMemoryDoctorSearchIndex } from './in-memory-doctor-search-index.js';
export { InMemoryTokenRevocationStore } from './in-memory-token-revocation-store.js';
export { InMemoryRateLimiter } from './in-memory-rate-limiter.js';
export { InMemoryImageStore } from './in-memory-image-store.js';
export { ManualClock } from './manual-clock.js';
export { InsecureTestPasswordHasher } from './insecure-test-password-hasher.js';
export { InMemoryTokenIssuer } from './in-memory-token-issuer.js';
export { RecordingOutboxPublisher } from './recording-outbox-publisher.js';

export { type ContractSubject } from './contract-support.js';
export { describeUnitOfWorkContract, type UnitOfWorkSubject } from './unit-of-work-contract.js';
export { describeCacheContract, type CacheSubject } from './cache-contract.js';
export * from './arbitraries.js';
export { describeOutboxStoreContract } from './outbox-store-contract.js';
export {
  describeDoctorSearchIndexContract, searchFixtures, type DoctorSearchSubject,
} from './doctor-search-index-contract.js';
export { writeDoctorFixtures, upsertSeeder, repositorySeeder, type DoctorFixture } from './doctor-fixtures.js';
export { describeTokenRevocationStoreContract, type TokenRevocationSubject } from './token-revocation-store-contract.js';
export { describeRateLimiterContract, type RateLimiterSubject } from './rate-limiter-contract.js';
export { describeImageStoreContract, type ImageStoreSubject } from './image-store-contract.js';
export { describePasswordHasherContract, type PasswordHasherSubject } from './password-hasher-contract.js';
export { describeTokenIssuerContract, type TokenIssuerSubject } from './token-issuer-contract.js';
