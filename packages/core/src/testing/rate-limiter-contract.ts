import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../identity/rate-limiter.js';
import { suiteSubject, unique, type ContractSubject } from './contract-support.js';

/**
 * What {@link describeRateLimiterContract} runs against: the limiter and a way to let time
 * pass (a manual clock, or real waiting: the suite uses 1-second windows and advances 1.5 s).
 * @category Testing
 */
export interface RateLimiterSubject extends ContractSubject {
  readonly limiter: RateLimiter;
  advance(seconds: number): Promise<void>;
}

/**
 * The contract of the {@link RateLimiter} port, fixed windows that open at a key's first
 * attempt. `check` answers whether one more attempt would be allowed: after `limit` hits it
 * refuses. `makeSubject` is called once; keys are unique per test.
 * @category Testing
 */
export function describeRateLimiterContract(
  name: string,
  makeSubject: () => Promise<RateLimiterSubject>,
): void {
  describe(`RateLimiter contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    const key = () => `contract:${unique()}`;

    it('allows limit hits per window, counting down, then refuses with a retry delay', async () => {
      const { limiter } = subject();
      const k = key();
      const decisions = [];
      for (let i = 0; i < 4; i += 1) decisions.push(await limiter.hit(k, 3, 60));
      expect(decisions.slice(0, 3)).toEqual([
        { allowed: true, remaining: 2, retryAfterSeconds: 0 },
        { allowed: true, remaining: 1, retryAfterSeconds: 0 },
        { allowed: true, remaining: 0, retryAfterSeconds: 0 },
      ]);
      expect(decisions[3]).toMatchObject({ allowed: false, remaining: 0 });
      expect(decisions[3]!.retryAfterSeconds).toBeGreaterThan(0);
      expect(decisions[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('checks without counting', async () => {
      const { limiter } = subject();
      const k = key();
      expect(await limiter.check(k, 2, 60)).toEqual({
        allowed: true,
        remaining: 2,
        retryAfterSeconds: 0,
      });
      await limiter.hit(k, 2, 60);
      expect(await limiter.check(k, 2, 60)).toEqual({
        allowed: true,
        remaining: 1,
        retryAfterSeconds: 0,
      });
      expect(await limiter.check(k, 2, 60)).toEqual({
        allowed: true,
        remaining: 1,
        retryAfterSeconds: 0,
      });
      await limiter.hit(k, 2, 60);
      const refused = await limiter.check(k, 2, 60);
      expect(refused).toMatchObject({ allowed: false, remaining: 0 });
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('keeps keys apart', async () => {
      const { limiter } = subject();
      const [a, b] = [key(), key()];
      await limiter.hit(a, 1, 60);
      expect(await limiter.hit(a, 1, 60)).toMatchObject({ allowed: false });
      expect(await limiter.hit(b, 1, 60)).toMatchObject({ allowed: true, remaining: 0 });
    });

    it('forgets the attempts of a key on reset', async () => {
      const { limiter } = subject();
      const k = key();
      await limiter.hit(k, 1, 60);
      await limiter.hit(k, 1, 60);
      await limiter.reset(k);
      await limiter.reset(key());
      expect(await limiter.hit(k, 1, 60)).toEqual({
        allowed: true,
        remaining: 0,
        retryAfterSeconds: 0,
      });
    });

    it('opens a new window when the old one has passed', async () => {
      const { limiter, advance } = subject();
      const k = key();
      await limiter.hit(k, 1, 1);
      expect(await limiter.hit(k, 1, 1)).toMatchObject({ allowed: false });
      await advance(1.5);
      expect(await limiter.check(k, 1, 1)).toMatchObject({ allowed: true, remaining: 1 });
      expect(await limiter.hit(k, 1, 1)).toEqual({
        allowed: true,
        remaining: 0,
        retryAfterSeconds: 0,
      });
    });
  });
}
