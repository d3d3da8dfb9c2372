import { describeCacheContract } from './cache-contract.js';
import { InMemoryCache } from './in-memory-cache.js';
import { ManualClock } from './manual-clock.js';

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
