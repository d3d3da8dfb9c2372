// Doctor search: the name-matching rule, the index port, the search and reconcile use cases.
export * from './name-match.js';
export * from './doctor-search-index.js';
export * from './search-doctors.js';
export * from './reconcile-search-index.js';
export * from './search-schemas.js';
