/**
 * `@doctorly/core`: Doctorly's pure domain. Entities, scheduling and booking rules, use
 * cases and the ports they need; no I/O, no clock, no environment.
 * @packageDocumentation
 */
export * from './errors/domain-error.js';
export * from './events/domain-event.js';
export * from './models/index.js';
export * from './ports/index.js';
export * from './views/doctor-view.js';
export { parseInput } from './use-cases/shared/parse-input.js';
export { commit, type Committed } from './use-cases/shared/commit.js';
export * from './scheduling/index.js';
export * from './booking/index.js';
export * from './schemas/index.js';
