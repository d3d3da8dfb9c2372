/**
 * `@doctorly/core/memory`: the in-memory adapter of every port, for embedding hosts (demos,
 * single-process apps, the embedded default's cache) and tests. Unlike
 * `@doctorly/core/testing` it pulls in no test tooling, so production code may import it.
 * @module @doctorly/core/memory
 */
export {
  emptyInMemoryState,
  type InMemoryState,
  type InMemoryOutboxRow,
} from './in-memory-state.js';
export { InMemoryUnitOfWork, InMemoryOutboxWriter } from './in-memory-unit-of-work.js';
export { InMemoryUserRepository } from './in-memory-user-repository.js';
export { InMemoryDoctorRepository } from './in-memory-doctor-repository.js';
export { InMemoryCatalogRepository } from './in-memory-catalog-repository.js';
export { InMemoryPatientRepository } from './in-memory-patient-repository.js';
export { InMemorySlotRepository } from './in-memory-slot-repository.js';
export { InMemorySittingRepository } from './in-memory-sitting-repository.js';
export { InMemoryAppointmentRepository } from './in-memory-appointment-repository.js';
export { InMemoryRatingRepository } from './in-memory-rating-repository.js';
export { InMemoryWaitlistRepository } from './in-memory-waitlist-repository.js';
export { InMemoryOutboxStore } from './in-memory-outbox-store.js';
export { InMemoryCache } from './in-memory-cache.js';
export { InMemoryLiveChannel } from './in-memory-live-channel.js';
export { InMemoryDoctorSearchIndex } from './in-memory-doctor-search-index.js';
export { InMemoryTokenRevocationStore } from './in-memory-token-revocation-store.js';
export { InMemoryRateLimiter } from './in-memory-rate-limiter.js';
export { InMemoryImageStore } from './in-memory-image-store.js';
export { ManualClock } from './manual-clock.js';
export { InsecureTestPasswordHasher } from './insecure-test-password-hasher.js';
export { InMemoryTokenIssuer } from './in-memory-token-issuer.js';
export { RecordingOutboxPublisher } from './recording-outbox-publisher.js';
