/**
 * `@doctorly/core`: Doctorly's pure domain. Entities, scheduling and booking rules, use
 * cases and the ports they need; no I/O, no clock, no environment. Each folder is one
 * concept: its model and rules, its ports, its use cases, its views and input schemas.
 * @module @doctorly/core
 */
export * from './shared/index.js';
export * from './access/index.js';
export * from './identity/index.js';
export * from './catalog/index.js';
export * from './doctors/index.js';
export * from './patients/index.js';
export * from './scheduling/index.js';
export * from './booking/index.js';
export * from './waitlist/index.js';
export * from './ratings/index.js';
export * from './search/index.js';
export * from './cache/index.js';
export * from './outbox/index.js';
export * from './live/index.js';
