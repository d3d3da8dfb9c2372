import type { PasswordHasher } from '../identity/password-hasher.js';

/**
 * A {@link PasswordHasher} for TESTS ONLY. It is NOT secure: the "hash" is a reversible
 * encoding of a salt and the password, made to be fast. Never wire it into a real host.
 * It keeps the port's visible behaviour (salted, self-describing, never throws on bad input)
 * so tests exercise the same paths as with a real hasher.
 * @category Testing
 */
export class InsecureTestPasswordHasher implements PasswordHasher {
  private salts = 0;

  hash(password: string): Promise<string> {
    this.salts += 1;
    return Promise.resolve(
      `insecure-test$${this.salts.toString(36)}$${encode(`${this.salts}:${password}`)}`,
    );
  }

  verify(password: string, hash: string): Promise<boolean> {
    const [scheme, salt, body] = hash.split('$');
    if (scheme !== 'insecure-test' || salt === undefined || body === undefined)
      return Promise.resolve(false);
    return Promise.resolve(body === encode(`${parseInt(salt, 36)}:${password}`));
  }
}

/** Hex of the UTF-8 bytes: keeps the password out of the stored text at a glance, nothing more. */
function encode(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
