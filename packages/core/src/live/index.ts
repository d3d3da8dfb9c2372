// Live updates: the port that tells every replica a sitting changed, its topics and payloads,
// and the local fan-out its adapters share.
export * from './live-channel.js';
export * from './sitting-topic.js';
export * from './live-channel-event.js';
export * from './topic-listeners.js';
