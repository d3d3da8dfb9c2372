import { describeCacheContract } from './cache-contract.js';
import { InMemoryCache } from '../memory/in-memory-cache.js';
import { ManualClock } from '../memory/manual-clock.js';

describeCacheContract('InMemoryCache', () => {
  const clock = new ManualClock();
  return Promise.resolve({
    cache: new InMemoryCache(clock),
    advance: (seconds: number) => {
      clock.advance(seconds);
      return Promise.resolve();
    },
  });
});
