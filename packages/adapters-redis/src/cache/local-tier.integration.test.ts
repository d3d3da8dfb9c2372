import { describeCacheContract } from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisAdapters, type RedisAdapters } from '../create-redis-adapters.js';
import { FaultProxy } from '../testing/fault-proxy.js';

const target = await createTestRedis();
const contractTarget = await createTestRedis();
const options = { ttlSeconds: 60, tags: ['doctor:7'] };

/** Polls `read` until it yields `expected` (Redis' invalidation messages take a moment). */
async function eventually(
  read: () => Promise<unknown>,
  expected: unknown,
  timeoutMs = 2_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) expect(value).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Reads `k` once; whether the process answered it from its own tier. */
async function readLocally(
  adapters: RedisAdapters,
  k: string,
  expected: unknown,
): Promise<boolean> {
  const before = adapters.cache.counters.localHits;
  expect(await adapters.cache.get(k)).toEqual(expected);
  return adapters.cache.counters.localHits > before;
}

/**
 * Reads `k` until the process answers it from its own tier, and still does a moment later.
 * Redis' message about the write that created the entry may arrive after a read began (the
 * tier then does not keep the answer) or after it was kept (the tier then drops it): both
 * are the tier being careful, and both are over once that message has come.
 */
async function warm(adapters: RedisAdapters, k: string, expected: unknown): Promise<void> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    if (await readLocally(adapters, k, expected)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (await readLocally(adapters, k, expected)) return;
    }
    if (Date.now() > deadline) throw new Error(`${k} never came from the in-process tier`);
  }
}

/** The cache of a server process: its own connections, its own in-process tier. */
async function process(
  url: string,
  prefix: string,
  commandTimeoutMs = 2_000,
): Promise<RedisAdapters> {
  const adapters = await createRedisAdapters({
    url,
    prefix,
    commandTimeoutMs,
    search: 'off',
    localCacheBytes: 100_000,
  });
  expect(await adapters.ready()).toBe(true);
  await eventually(() => Promise.resolve(adapters.cache.localTierEnabled), true);
  return adapters;
}

if (isSkip(contractTarget)) {
  describe('Cache contract: RedisCache with an in-process tier', () =>
    it.skip(contractTarget.reason, () => {}));
} else {
  describeCacheContract('RedisCache with an in-process tier', async () => {
    const adapters = await process(contractTarget.url, contractTarget.prefix);
    return {
      cache: adapters.cache,
      advance: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
      close: async () => {
        await adapters.close();
        await contractTarget.dispose();
      },
    };
  });
}

describe.skipIf(isSkip(target))(
  'RedisCache in-process tier, kept true by Redis across processes',
  () => {
    if (isSkip(target)) return;
    let a: RedisAdapters;
    let b: RedisAdapters;
    const direct = new Redis(target.url);
    let n = 0;
    const key = (): string => `doctor:${++n}:view`;

    beforeAll(async () => {
      a = await process(target.url, target.prefix);
      b = await process(target.url, target.prefix);
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
      direct.disconnect();
      await target.dispose();
    });

    it('answers a hot entry from the process itself, without asking Redis', async () => {
      const k = key();
      await b.cache.set(k, { name: 'Ayesha' }, options);
      await warm(a, k, { name: 'Ayesha' });
      const before = { ...a.cache.counters };
      const calls = a.redis.counters.calls;
      expect(await a.cache.get(k)).toEqual({ name: 'Ayesha' });
      expect(a.cache.counters.localHits).toBe(before.localHits + 1);
      expect(a.redis.counters.calls).toBe(calls);
    });

    it('hands every reader of a hot entry the same frozen value, parsed once, weighed at twice its JSON', async () => {
      const k = key();
      const value = { name: 'Ayesha', slots: [{ day: 'monday' }] };
      await b.cache.set(k, value, options);
      await warm(a, k, value);
      const first = await a.cache.get(k);
      expect(await a.cache.get(k)).toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen((first as typeof value).slots[0])).toBe(
        true,
      );
      const tier = a.cache.localTier!;
      const held = tier.heldBytes;
      tier.invalidate([`${a.cache.entryPrefix}${k}`]);
      expect(held - tier.heldBytes).toBe(2 * JSON.stringify(value).length);
    });

    it("forgets an entry another process invalidated (Redis' message) and reads the new value", async () => {
      const k = key();
      await b.cache.set(k, 'old', { ttlSeconds: 60, tags: ['doctor:41'] });
      await warm(a, k, 'old');
      await b.cache.invalidateTags(['doctor:41']);
      await eventually(() => a.cache.get(k), undefined);
      await b.cache.set(k, 'new', { ttlSeconds: 60, tags: ['doctor:41'] });
      await eventually(() => a.cache.get(k), 'new');
    });

    it('a process reads its own invalidation at once, with no message to wait for', async () => {
      const k = key();
      await a.cache.set(k, 'mine', { ttlSeconds: 60, tags: ['doctor:42'] });
      await warm(a, k, 'mine');
      await a.cache.invalidateTags(['doctor:42']);
      expect(await a.cache.get(k)).toBeUndefined();
      await a.cache.set(k, 'again', { ttlSeconds: 60, tags: [] });
      await warm(a, k, 'again');
      await a.cache.delete([k]);
      expect(await a.cache.get(k)).toBeUndefined();
    });

    it('forgets everything when the generation changes elsewhere', async () => {
      const k = key();
      await b.cache.set(k, 'before', options);
      await warm(a, k, 'before');
      await direct.set(b.cache.generationKey, 'a-new-generation');
      await eventually(() => a.cache.get(k), undefined);
    });

    it('forgets an entry when Redis expires it', async () => {
      const k = key();
      await b.cache.set(k, 'short', { ttlSeconds: 1, tags: [] });
      await warm(a, k, 'short');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await a.cache.get(k)).toBeUndefined();
    });

    it('stops using the tier when its listening connection drops, and starts again once it is back', async () => {
      const k = key();
      await b.cache.set(k, 'v1', options);
      await warm(a, k, 'v1');
      // Kill the listening connections of these processes: what changes then goes unheard.
      const clients = (await direct.client('LIST')) as string;
      const name = `${a.cache.entryPrefix}invalidations`;
      const listeners = clients
        .split('\n')
        .filter((line) => line.includes(`name=${name} `))
        .map((line) => /id=(\d+)/.exec(line)?.[1]);
      expect(listeners.length).toBe(2);
      for (const id of listeners) await direct.client('KILL', 'ID', id!);
      await direct.set(`${b.cache.entryPrefix}${k}`, 'unstamped');
      await eventually(() => Promise.resolve(a.cache.localTier!.size), 0);
      await eventually(() => Promise.resolve(a.cache.localTierEnabled), true, 5_000);
      // What was kept before the gap is gone: the value comes from Redis (a miss: not stamped).
      expect(await a.cache.get(k)).toBeUndefined();
    });

    it('stops answering from the tier when Redis hangs (no messages can come), within a second', async () => {
      const upstream = new URL(target.url);
      const proxy = await FaultProxy.start(upstream.hostname, Number(upstream.port || 6379));
      const hung = await process(proxy.url, target.prefix, 200);
      try {
        const k = key();
        await b.cache.set(k, 'old', { ttlSeconds: 60, tags: ['doctor:43'] });
        await warm(hung, k, 'old');
        proxy.hang({ silent: true });
        await b.cache.invalidateTags(['doctor:43']); // Redis has it; the hung process cannot hear of it
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        // Not the kept 'old': Redis is asked, does not answer in time, and the read is a miss
        // (the caller goes to PostgreSQL).
        expect(await hung.cache.get(k)).toBeUndefined();
        proxy.resume();
        await eventually(() => hung.cache.get(k), undefined);
      } finally {
        await hung.close();
        await proxy.close();
      }
    });
  },
);
