export * from './common.js';
export * from './identity.js';
export * from './doctor.js';
export * from './patient.js';
export * from './search.js';
export * from './booking.js';
