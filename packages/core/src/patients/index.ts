// The people a user books for.
export * from './patient.js';
export * from './patient-repository.js';
export * from './patient-limit.js';
export * from './register-patient.js';
export * from './list-patients.js';
export * from './get-patient.js';
export * from './patient-view.js';
export * from './patient-schemas.js';
