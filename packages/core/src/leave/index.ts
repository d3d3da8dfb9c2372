// A doctor's leave over a date range: the model and its rules, the port, the pure dates a
// leave takes, then the use cases, views and input schemas.
export * from './leave.js';
export * from './leave-dates.js';
export * from './leave-repository.js';
export { leaveFacts } from './leave-access.js';
export * from './take-leave.js';
export * from './list-leaves.js';
export * from './get-leave.js';
export * from './reopen-leave.js';
export * from './leave-view.js';
export * from './leave-schemas.js';
