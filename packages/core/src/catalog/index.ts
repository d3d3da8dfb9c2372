// The specializations and qualifications doctors choose from.
export * from './catalog.js';
export * from './catalog-repository.js';
export * from './seed-catalog.js';
export * from './list-specializations.js';
export * from './list-qualifications.js';
export * from './set-specialization-image.js';
export * from './catalog-view.js';
