// Weekly slots and their dated sittings: wall-clock and DST rules, the booking window, the
// next sitting, then the slot and sitting use cases.
export * from './slot.js';
export * from './sitting.js';
export * from './sitting-lifecycle.js';
export * from './local-date.js';
export * from './local-time.js';
export * from './wall-clock.js';
export * from './sitting-times.js';
export * from './next-sitting.js';
export * from './booking-policy.js';
export * from './slots-overlap.js';
export * from './slot-repository.js';
export * from './sitting-repository.js';
export * from './add-slot.js';
export * from './list-doctor-slots.js';
export * from './materialize-sittings.js';
export * from './close-ended-sittings.js';
export * from './cancel-sitting.js';
export { StartSitting } from './start-sitting.js';
export * from './get-timings.js';
