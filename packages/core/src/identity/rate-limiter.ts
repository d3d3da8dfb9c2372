import type { ServiceToken } from '../shared/service-token.js';
/** The outcome of counting one attempt against a limit. @category Ports */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Attempts left in the current window (0 when refused). */
  readonly remaining: number;
  /** Seconds until an attempt would be allowed again (0 when allowed). */
  readonly retryAfterSeconds: number;
}

/**
 * Counts attempts per key in a time window (failed logins per account and per address, …).
 * @category Ports
 */
export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it is within `limit` per `windowSeconds`. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
  /** Whether `key` is already over `limit` now, without counting an attempt. */
  check(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
  /** Forgets the attempts of `key` (after a successful login, say). */
  reset(key: string): Promise<void>;
}
/** Injection token of {@link RateLimiter}. @category Ports */
export const RateLimiter: ServiceToken<RateLimiter> = Symbol.for('doctorly.RateLimiter');
