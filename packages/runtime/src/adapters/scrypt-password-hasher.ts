import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '@doctorly/core';

/** scrypt cost parameters. @category Adapters */
export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * `owasp` is one of the equal-strength minimums the OWASP Password Storage Cheat Sheet lists
 * for scrypt: N=2^14, r=8, p=5. It costs as much CPU as N=2^17, r=8, p=1 (the first one on
 * that list) but needs 16 MiB per hash instead of 128 MiB, because the five lanes run one
 * after the other over the same memory. The lower memory matters for a server that
 * checks passwords concurrently, and for the embedded default's 300 MB target, where one
 * login at N=2^17 added 128 MiB to the peak. Hashes made at N=2^17 still verify, since each
 * hash records its own parameters. `test` (N=2^10) exists so that test suites stay fast;
 * never configure it in production.
 * @category Adapters
 */
export const scryptCosts = {
  owasp: { N: 2 ** 14, r: 8, p: 5 },
  test: { N: 2 ** 10, r: 8, p: 1 },
} as const satisfies Record<string, ScryptCost>;

const saltBytes = 32;
const keyBytes = 32;
/** Room for N=2^17, r=8 (128·N·r = 128 MiB) and then some: Node's default of 32 MiB is too small. */
const maxmem = 256 * 1024 * 1024;
/** Bounds on parameters read from a stored hash, so a forged one cannot exhaust the server. */
const limits = { maxLog2N: 20, maxR: 32, maxP: 16, minSalt: 16, maxSalt: 128 };

/**
 * Hashes passwords with node:crypto scrypt into a self-describing string
 * `scrypt$N$r$p$salt$hash` (salt and hash in base64), so a later cost increase can still
 * verify older hashes. Comparison is constant-time; `verify` never throws.
 * @category Adapters
 */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly cost: ScryptCost = scryptCosts.owasp) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(saltBytes);
    const { N, r, p } = this.cost;
    const key = await derive(password, salt, keyBytes, { N, r, p, maxmem });
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, hash: string): Promise<boolean> {
    const parsed = parseHash(hash);
    if (!parsed) return false;
    try {
      const { N, r, p, salt, key } = parsed;
      const actual = await derive(password, salt, key.length, { N, r, p, maxmem });
      return timingSafeEqual(actual, key);
    } catch {
      return false;
    }
  }
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseHash(hash: string): (ScryptCost & { salt: Buffer; key: Buffer }) | undefined {
  if (typeof hash !== 'string') return undefined;
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts
    .slice(1, 4)
    .map((part) => (/^\d{1,10}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  const [saltText, keyText] = [parts[4] ?? '', parts[5] ?? ''];
  if (!(N >= 2 && N <= 2 ** limits.maxLog2N && (N & (N - 1)) === 0)) return undefined;
  if (!(r >= 1 && r <= limits.maxR && p >= 1 && p <= limits.maxP)) return undefined;
  if (!base64.test(saltText) || !base64.test(keyText)) return undefined;
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length < limits.minSalt || salt.length > limits.maxSalt) return undefined;
  // Exactly the length we write: scrypt's output for a shorter length is a prefix of the longer
  // one, so accepting a truncated key would accept a hash that was cut short.
  if (key.length !== keyBytes) return undefined;
  // Canonical base64 only: one stored hash has one spelling.
  if (salt.toString('base64') !== saltText || key.toString('base64') !== keyText) return undefined;
  return { N, r, p, salt, key };
}
