// Shared kernel: identities and primitive values, the error and event every concept uses,
// and the ports no single concept owns (time, transactions, images).
export * from './primitives.js';
export * from './domain-error.js';
export * from './domain-event.js';
export * from './clock.js';
export * from './unit-of-work.js';
export type { ServiceToken } from './service-token.js';
export { commit, type Committed } from './commit.js';
export { commitBookingInTransaction } from './commit-booking.js';
export { parseInput } from './parse-input.js';
export * from './image-store.js';
export * from './common-schemas.js';
