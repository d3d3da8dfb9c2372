import { Cache, RateLimiter, TokenRevocationStore } from '@doctorly/core';
import { InMemoryTokenRevocationStore, ManualClock } from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { Container } from 'inversify';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisCache } from './cache/redis-cache.js';
import { createRedisAdapters } from './create-redis-adapters.js';
import { redisModule, RedisSearch } from './redis-module.js';
import { RedisTokenRevocationStore } from './security/redis-token-revocation-store.js';
import { unusedPort } from './testing/fault-proxy.js';

const target = await createTestRedis();

describe.skipIf(isSkip(target))('createRedisAdapters on a plain Redis', () => {
  if (isSkip(target)) return;
  afterAll(() => target.dispose());

  it('builds working adapters, without search on a server that lacks the Query Engine', async () => {
    const adapters = await createRedisAdapters({
      url: target.url,
      prefix: target.prefix,
      commandTimeoutMs: 2_000,
    });
    try {
      expect(await adapters.ready()).toBe(true);
      expect(adapters.search).toBeUndefined();
      expect(adapters.capabilities.search).toBe(false);
      await adapters.cache.set('k', { ok: true }, { ttlSeconds: 60, tags: ['t'] });
      expect(await adapters.cache.get('k')).toEqual({ ok: true });
      expect((await adapters.rateLimiter.hit('k', 1, 60)).allowed).toBe(true);
      await adapters.revocations.revoke('jti', new Date(Date.now() + 60_000));
      expect(await adapters.revocations.isRevoked('jti')).toBe(true);
      expect(adapters.state()).toBe('closed');
    } finally {
      await adapters.close();
    }
  });

  it('binds the cache and rate limits as ports, and revocations under their own class only', async () => {
    const adapters = await createRedisAdapters({
      url: target.url,
      prefix: target.prefix,
      search: 'off',
    });
    try {
      expect(adapters.capabilities.reason).toBe('Redis search disabled by configuration.');
      const container = new Container();
      const durable = new InMemoryTokenRevocationStore(new ManualClock());
      container.bind(TokenRevocationStore).toConstantValue(durable);
      container.load(redisModule(adapters));
      expect(container.get(Cache)).toBeInstanceOf(RedisCache);
      expect(container.get(RateLimiter)).toBe(adapters.rateLimiter);
      expect(container.get(RedisTokenRevocationStore)).toBe(adapters.revocations);
      // Which package serves the port is the host's explicit choice, not the loading order.
      expect(container.get(TokenRevocationStore)).toBe(durable);
      expect(container.isBound(RedisSearch)).toBe(false); // no Query Engine
    } finally {
      await adapters.close();
    }
  });
});

describe('createRedisAdapters without Redis', () => {
  it('starts anyway and answers fail-open', async () => {
    const started = performance.now();
    const adapters = await createRedisAdapters({ url: `redis://127.0.0.1:${await unusedPort()}` });
    try {
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(adapters.search).toBeUndefined();
      expect(adapters.capabilities.reason).toMatch(/^Redis unreachable/);
      expect(await adapters.ready(100)).toBe(false);
      expect(await adapters.cache.get('k')).toBeUndefined();
      await adapters.cache.set('k', 1, { ttlSeconds: 60, tags: [] });
      expect((await adapters.rateLimiter.hit('k', 1, 60)).allowed).toBe(true);
    } finally {
      await adapters.close();
    }
  });
});
