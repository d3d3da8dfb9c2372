import { describeCacheContract } from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { describe, it } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { RedisCache } from './redis-cache.js';

const target = await createTestRedis();

if (isSkip(target)) {
  describe('Cache contract: RedisCache', () => it.skip(target.reason, () => {}));
} else {
  describeCacheContract('RedisCache', async () => {
    const redis = new FailOpenRedis(target.url, { commandTimeoutMs: 2_000 });
    await redis.ready();
    return {
      cache: new RedisCache(redis, target.prefix),
      // Redis keeps real time: let it pass.
      advance: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
      close: async () => {
        await redis.close();
        await target.dispose();
      },
    };
  });
}
