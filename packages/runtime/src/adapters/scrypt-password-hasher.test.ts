import { describe, expect, it } from 'vitest';
import { ScryptPasswordHasher, scryptCosts } from './scrypt-password-hasher.js';

const hasher = new ScryptPasswordHasher(scryptCosts.test);

describe('ScryptPasswordHasher', () => {
  it('writes a self-describing hash and verifies the password', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{43}=\$[A-Za-z0-9+/]{43}=$/);
    expect(await hasher.verify('correct horse battery staple', hash)).toBe(true);
    expect(await hasher.verify('correct horse battery stapler', hash)).toBe(false);
    expect(await hasher.verify('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toBe(b);
  });

  it('verifies hashes made at another cost from the parameters in the hash', async () => {
    const stronger = new ScryptPasswordHasher({ N: 2 ** 11, r: 8, p: 2 });
    const hash = await stronger.hash('pässwörd');
    expect(hash.startsWith('scrypt$2048$8$2$')).toBe(true);
    expect(await hasher.verify('pässwörd', hash)).toBe(true);
  });

  it('uses the OWASP minimum by default', async () => {
    const hash = await new ScryptPasswordHasher().hash('slow but safe');
    expect(hash.startsWith('scrypt$16384$8$5$')).toBe(true);
    expect(await hasher.verify('slow but safe', hash)).toBe(true);
  }, 20_000);

  it.each([
    '',
    'not a hash',
    'scrypt$1024$8$1$abc',
    'bcrypt$1024$8$1$AAAA$AAAA',
    'scrypt$1000$8$1$' + 'A'.repeat(44) + '$' + 'A'.repeat(44),
    'scrypt$1024$0$1$' + 'A'.repeat(44) + '$' + 'A'.repeat(44),
    // A forged hash asking for 2^30 × 8 × 128 bytes must be refused, not attempted.
    'scrypt$1073741824$8$1$' + 'A'.repeat(44) + '$' + 'A'.repeat(44),
    'scrypt$1024$8$1$***$' + 'A'.repeat(44),
    'scrypt$1024$8$1$' + 'A'.repeat(44) + '$AAAA',
    'scrypt$1024$8$1$' + 'A'.repeat(44) + '$' + 'A'.repeat(44) + '$extra',
  ])('answers false for the malformed hash %j', async (hash) => {
    await expect(hasher.verify('password', hash)).resolves.toBe(false);
  });

  it('answers false, never throws, for a non-string hash', async () => {
    await expect(hasher.verify('password', undefined as unknown as string)).resolves.toBe(false);
  });

  it('answers false for a hash whose key was cut short (a prefix of the right key)', async () => {
    const hash = await hasher.hash('password');
    expect(await hasher.verify('password', hash.slice(0, -4))).toBe(false);
  });

  it('answers false for a tampered hash', async () => {
    const hash = await hasher.hash('password');
    const key = hash.split('$')[5]!;
    const flipped = (key[0] === 'A' ? 'B' : 'A') + key.slice(1);
    expect(await hasher.verify('password', hash.replace(key, flipped))).toBe(false);
  });
});
