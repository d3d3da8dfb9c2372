export * from './queue-number.js';
export * from './status-transitions.js';
export * from './bayesian-score.js';
export * from './experience-years.js';
