import { describeImageStoreContract } from './image-store-contract.js';
import { InMemoryImageStore } from '../memory/in-memory-image-store.js';
import { InMemoryRateLimiter } from '../memory/in-memory-rate-limiter.js';
import { InMemoryTokenIssuer } from '../memory/in-memory-token-issuer.js';
import { InMemoryTokenRevocationStore } from '../memory/in-memory-token-revocation-store.js';
import { InsecureTestPasswordHasher } from '../memory/insecure-test-password-hasher.js';
import { ManualClock } from '../memory/manual-clock.js';
import { describePasswordHasherContract } from './password-hasher-contract.js';
import { describeRateLimiterContract } from './rate-limiter-contract.js';
import { describeTokenIssuerContract } from './token-issuer-contract.js';
import { describeTokenRevocationStoreContract } from './token-revocation-store-contract.js';

/** Lets a manual clock stand in for waiting. */
function advancing(clock: ManualClock): (seconds: number) => Promise<void> {
  return (seconds) => {
    clock.advance(seconds);
    return Promise.resolve();
  };
}

describeTokenRevocationStoreContract('InMemoryTokenRevocationStore', () => {
  const clock = new ManualClock();
  return Promise.resolve({
    store: new InMemoryTokenRevocationStore(clock),
    now: () => clock.now(),
    advance: advancing(clock),
  });
});

describeRateLimiterContract('InMemoryRateLimiter', () => {
  const clock = new ManualClock();
  return Promise.resolve({ limiter: new InMemoryRateLimiter(clock), advance: advancing(clock) });
});

describeImageStoreContract('InMemoryImageStore', () =>
  Promise.resolve({ store: new InMemoryImageStore() }),
);

describePasswordHasherContract('InsecureTestPasswordHasher', () =>
  Promise.resolve({ hasher: new InsecureTestPasswordHasher() }),
);

describeTokenIssuerContract('InMemoryTokenIssuer', () =>
  Promise.resolve({ issuer: new InMemoryTokenIssuer(900), ttlSeconds: 900 }),
);
