export * from './booking-policy.js';
export * from './local-date.js';
export * from './local-time.js';
export * from './wall-clock.js';
export * from './sitting-times.js';
export * from './next-sitting.js';
export * from './slots-overlap.js';
