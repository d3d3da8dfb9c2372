import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../identity/password-hasher.js';
import { suiteSubject, type ContractSubject } from './contract-support.js';

/** What {@link describePasswordHasherContract} runs against. @category Testing */
export interface PasswordHasherSubject extends ContractSubject {
  readonly hasher: PasswordHasher;
}

/**
 * The contract of the {@link PasswordHasher} port: salted hashes that verify the right
 * password only, and `false` (never an exception) for malformed hashes. Called once.
 * @category Testing
 */
export function describePasswordHasherContract(
  name: string,
  makeSubject: () => Promise<PasswordHasherSubject>,
): void {
  describe(`PasswordHasher contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);

    it('verifies the right password and refuses others', async () => {
      const { hasher } = subject();
      for (const password of ['correct horse battery staple', 'pässwörd ✓ 密码', ' spaced ', 'x']) {
        const hash = await hasher.hash(password);
        if (password.length >= 8) expect(hash).not.toContain(password);
        expect(await hasher.verify(password, hash)).toBe(true);
        expect(await hasher.verify(`${password}!`, hash)).toBe(false);
        expect(
          await hasher.verify(
            password.toUpperCase() === password ? password.toLowerCase() : password.toUpperCase(),
            hash,
          ),
        ).toBe(false);
        expect(await hasher.verify('', hash)).toBe(false);
      }
    });

    it('salts: the same password hashes differently each time', async () => {
      const { hasher } = subject();
      const [a, b] = [await hasher.hash('same password'), await hasher.hash('same password')];
      expect(a).not.toBe(b);
      expect(await hasher.verify('same password', a)).toBe(true);
      expect(await hasher.verify('same password', b)).toBe(true);
    });

    it('answers false for malformed hashes without throwing', async () => {
      const { hasher } = subject();
      const good = await hasher.hash('secret');
      for (const hash of [
        '',
        'secret',
        '$',
        '$$$$',
        'scrypt$',
        good.slice(0, -4),
        `${good}garbage`,
        '\0',
        'a'.repeat(10_000),
      ]) {
        expect(await hasher.verify('secret', hash)).toBe(false);
      }
    });
  });
}
