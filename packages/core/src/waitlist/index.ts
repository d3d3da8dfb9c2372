// The waitlist: the entry, the join and promotion decisions, the repository, the one
// promotion call of every place-freeing write, the use cases, the view and input schemas.
export * from './waitlist-entry.js';
export * from './decide-join.js';
export * from './decide-promotions.js';
export * from './waitlist-repository.js';
export * from './promote-freed-places.js';
export * from './join-waitlist.js';
export * from './list-my-waitlist.js';
export * from './get-waitlist-entry.js';
export * from './leave-waitlist.js';
export * from './waitlist-view.js';
export * from './waitlist-schemas.js';
