export * from './doctor-view.js';
export * from './to-doctor-view.js';
export * from './patient-view.js';
export * from './appointment-view.js';
export * from './catalog-view.js';
