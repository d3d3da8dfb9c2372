import type { ServiceToken } from '../shared/service-token.js';
/**
 * Hashes and checks passwords (scrypt or argon2id at OWASP cost in production). The hash is
 * self-describing (algorithm and parameters included), so the cost can be raised later.
 * @category Ports
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** `false` for a wrong password or a malformed hash; never throws on bad input. */
  verify(password: string, hash: string): Promise<boolean>;
}
/** Injection token of {@link PasswordHasher}. @category Ports */
export const PasswordHasher: ServiceToken<PasswordHasher> = Symbol.for('doctorly.PasswordHasher');
