import { InMemoryLiveChannel } from '../memory/in-memory-live-channel.js';
import { describeLiveChannelContract } from './live-channel-contract.js';

describeLiveChannelContract('InMemoryLiveChannel', () =>
  Promise.resolve({ open: () => Promise.resolve(new InMemoryLiveChannel()) }),
);
