// The transactional outbox: its ports and the relay that publishes what it holds.
export * from './outbox.js';
export * from './relay-outbox.js';
