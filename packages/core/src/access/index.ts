// Who may read or change what: the policy table, the caller's relations, and `authorize`.
export * from './relations.js';
export * from './policy.js';
export * from './authorize.js';
export * from './facts.js';
export * from './matrix.js';
