// Ratings of doctors and the ranking built on them.
export * from './rating.js';
export * from './bayesian-score.js';
export * from './rating-repository.js';
export * from './rate-doctor.js';
export * from './popular-doctors.js';
