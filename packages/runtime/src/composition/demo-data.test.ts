import { describe, expect, it } from 'vitest';
import { ScryptPasswordHasher, scryptCosts } from '../adapters/index.js';
import { DemoPasswordHasher, demoPassword, demoPasswordOwaspHash } from './demo-data.js';

describe('the demo accounts’ password hashes', () => {
  it('ships a hash of the demo password at the OWASP cost that the runtime verifies', async () => {
    const hasher = new ScryptPasswordHasher(scryptCosts.owasp);
    expect(demoPasswordOwaspHash.startsWith('scrypt$16384$8$5$')).toBe(true);
    expect(await hasher.verify(demoPassword, demoPasswordOwaspHash)).toBe(true);
    expect(await hasher.verify('not-the-demo-password', demoPasswordOwaspHash)).toBe(false);
  });

  it('hands out the known hash, and hashes any other password once', async () => {
    let hashed = 0;
    const scrypt = new ScryptPasswordHasher(scryptCosts.test);
    const counting = {
      hash: (password: string) => {
        hashed += 1;
        return scrypt.hash(password);
      },
      verify: (password: string, hash: string) => scrypt.verify(password, hash),
    };
    const demo = new DemoPasswordHasher(counting, { [demoPassword]: demoPasswordOwaspHash });
    expect(await demo.hash(demoPassword)).toBe(demoPasswordOwaspHash);
    expect(hashed).toBe(0);
    const [first, second] = await Promise.all([demo.hash('other one'), demo.hash('other one')]);
    expect(second).toBe(first);
    expect(hashed).toBe(1);
    expect(await demo.verify('other one', first)).toBe(true);
  });
});
