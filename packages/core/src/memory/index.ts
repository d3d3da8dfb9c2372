/**
 * `@doctorly/core/memory`: the in-memory adapter of every port, for embedding hosts (demos,
 * single-process apps, the embedded default's cache) and tests. Unlike
 * `@doctorly/core/testing` it pulls in no test tooling, so production code may import it.
 * @module @doctorly/core/memory
 */
export { emptyInMemoryState, type InMemoryState, type InMemoryOutboxRow } from '../memory/in-memory-state.js';
export { InMemoryUnitOfWork, InMemoryOutboxWriter } from '../memory/in-memory-unit-of-work.js';
export { InMemoryUserRepository } from '../memory/in-memory-user-repository.js';
export { InMemoryDoctorRepository } from '../memory/in-memory-doctor-repository.js';
export { InMemoryCatalogRepository } from '../memory/in-memory-catalog-repository.js';
export { InMemoryPatientRepository } from '../memory/in-memory-patient-repository.js';
export { InMemorySlotRepository } from '../memory/in-memory-slot-repository.js';
export { InMemorySittingRepository } from '../memory/in-memory-sitting-repository.js';
export { InMemoryAppointmentRepository } from '../memory/in-memory-appointment-repository.js';
export { InMemoryRatingRepository } from '../memory/in-memory-rating-repository.js';
export { InMemoryOutboxStore } from '../memory/in-memory-outbox-store.js';
export { InMemoryCache } from '../memory/in-memory-cache.js';
export { InMemoryDoctorSearchIndex } from '../memory/in-memory-doctor-search-index.js';
export { InMemoryTokenRevocationStore } from '../memory/in-memory-token-revocation-store.js';
export { InMemoryRateLimiter } from '../memory/in-memory-rate-limiter.js';
export { InMemoryImageStore } from '../memory/in-memory-image-store.js';
export { ManualClock } from '../memory/manual-clock.js';
export { InsecureTestPasswordHasher } from '../memory/insecure-test-password-hasher.js';
export { InMemoryTokenIssuer } from '../memory/in-memory-token-issuer.js';
export { RecordingOutboxPublisher } from '../memory/recording-outbox-publisher.js';
