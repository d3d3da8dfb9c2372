import type { Clock } from '@doctorly/core';
import {
  describeRateLimiterContract,
  describeTokenRevocationStoreContract,
  InMemoryTokenRevocationStore,
} from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { afterAll, describe, it } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { RedisTokenRevocationStore } from './redis-token-revocation-store.js';

const target = await createTestRedis();
const wait = (seconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

if (isSkip(target)) {
  describe('Redis security contracts', () => it.skip(target.reason, () => {}));
} else {
  afterAll(() => target.dispose());
  const connect = async () => {
    const redis = new FailOpenRedis(target.url, { commandTimeoutMs: 2_000 });
    await redis.ready();
    return redis;
  };

  describeTokenRevocationStoreContract('RedisTokenRevocationStore', async () => {
    const redis = await connect();
    return {
      store: new RedisTokenRevocationStore(redis, { prefix: target.prefix }),
      now: () => new Date(),
      advance: wait,
      close: () => redis.close(),
    };
  });

  describeTokenRevocationStoreContract('RedisTokenRevocationStore with a fallback', async () => {
    const redis = await connect();
    // The fallback keeps real time too, as PostgreSQL's store would.
    const clock: Clock = { now: () => new Date() };
    return {
      store: new RedisTokenRevocationStore(redis, {
        prefix: `${target.prefix}fb:`,
        fallback: new InMemoryTokenRevocationStore(clock),
      }),
      now: () => new Date(),
      advance: wait,
      close: () => redis.close(),
    };
  });

  describeRateLimiterContract('RedisRateLimiter', async () => {
    const redis = await connect();
    return {
      limiter: new RedisRateLimiter(redis, target.prefix),
      advance: wait,
      close: () => redis.close(),
    };
  });
}
