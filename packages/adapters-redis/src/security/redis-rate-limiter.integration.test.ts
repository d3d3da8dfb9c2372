import { createTestRedis, isSkip } from '@doctorly/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { unusedPort } from '../testing/fault-proxy.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

const target = await createTestRedis();

describe.skipIf(isSkip(target))('RedisRateLimiter on a real Redis', () => {
  if (isSkip(target)) return;
  const redis = new FailOpenRedis(target.url, { commandTimeoutMs: 2_000 });
  const limiter = new RedisRateLimiter(redis, target.prefix);
  let n = 0;
  const key = (): string => `login:${++n}`;
  beforeAll(async () => {
    expect(await redis.ready()).toBe(true);
  });
  afterAll(async () => {
    await redis.close();
    await target.dispose();
  });

  it('allows `limit` attempts per window, then refuses with a retry delay', async () => {
    const k = key();
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await limiter.hit(k, 3, 60));
    expect(decisions.slice(0, 3)).toEqual([
      { allowed: true, remaining: 2, retryAfterSeconds: 0 },
      { allowed: true, remaining: 1, retryAfterSeconds: 0 },
      { allowed: true, remaining: 0, retryAfterSeconds: 0 },
    ]);
    expect(decisions[3]).toMatchObject({ allowed: false, remaining: 0 });
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(decisions[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('checks without counting', async () => {
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
    expect(await limiter.check(k, 2, 60)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('opens a new window when the old one ends', async () => {
    const k = key();
    await limiter.hit(k, 1, 1);
    expect((await limiter.hit(k, 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await limiter.hit(k, 1, 1)).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
    });
  });

  it('forgets a key on reset', async () => {
    const k = key();
    await limiter.hit(k, 1, 60);
    await limiter.reset(k);
    expect((await limiter.hit(k, 1, 60)).allowed).toBe(true);
  });

  it('counts every one of many concurrent attempts exactly once', async () => {
    const k = key();
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.hit(k, 10, 60)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(new Set(decisions.filter((d) => d.allowed).map((d) => d.remaining)).size).toBe(10);
  });
});

describe('RedisRateLimiter without Redis', () => {
  it('fails open: allows every attempt', async () => {
    const redis = new FailOpenRedis(`redis://127.0.0.1:${await unusedPort()}`);
    try {
      const limiter = new RedisRateLimiter(redis);
      for (let i = 0; i < 5; i += 1) expect((await limiter.hit('k', 1, 60)).allowed).toBe(true);
      expect(await limiter.check('k', 1, 60)).toEqual({
        allowed: true,
        remaining: 1,
        retryAfterSeconds: 0,
      });
      await limiter.reset('k');
    } finally {
      await redis.close();
    }
  });
});
