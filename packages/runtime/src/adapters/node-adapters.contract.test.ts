import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeImageStoreContract,
  describePasswordHasherContract,
  describeTokenIssuerContract,
} from '@doctorly/core/testing';
import { FileSystemImageStore } from './file-system-image-store.js';
import { JwtTokenIssuer } from './jwt-token-issuer.js';
import { ScryptPasswordHasher, scryptCosts } from './scrypt-password-hasher.js';

// The ports' contract suites from core, run against the Node adapters.

describePasswordHasherContract('ScryptPasswordHasher (test cost)', () =>
  Promise.resolve({ hasher: new ScryptPasswordHasher(scryptCosts.test) }),
);

describeTokenIssuerContract('JwtTokenIssuer', () =>
  Promise.resolve({
    issuer: new JwtTokenIssuer('contract-secret-0123456789abcdefghij', 900),
    ttlSeconds: 900,
  }),
);

describeImageStoreContract('FileSystemImageStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'doctorly-image-contract-'));
  return Promise.resolve({
    store: new FileSystemImageStore(join(root, 'images')),
    close: () => Promise.resolve(rmSync(root, { recursive: true, force: true })),
  });
});
