import { ReadThrough } from '@doctorly/core';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { RedisCache } from './redis-cache.js';

const target = await createTestRedis();
const ttl = { ttlSeconds: 60, tags: [] };

describe.skipIf(isSkip(target))('RedisCache on a real Redis', () => {
  if (isSkip(target)) return;
  // A generous deadline: these tests are about behaviour, fail-open has its own file.
  const redis = new FailOpenRedis(target.url, { commandTimeoutMs: 2_000 });
  const cache = new RedisCache(redis, target.prefix);
  const direct = new Redis(target.url);
  let n = 0;
  const key = (): string => `k${++n}`;

  beforeAll(async () => {
    expect(await redis.ready()).toBe(true);
  });
  afterAll(async () => {
    await redis.close();
    direct.disconnect();
    await target.dispose();
  });

  it('misses a key never set, then hits the JSON value that was set', async () => {
    const k = key();
    expect(await cache.get(k)).toBeUndefined();
    const value = { id: 7, name: 'Ayesha', tags: ['a', 'b'], rating: null, nested: { n: 1.5 } };
    await cache.set(k, value, ttl);
    expect(await cache.get(k)).toEqual(value);
    await cache.set(k, 'replaced', ttl);
    expect(await cache.get(k)).toBe('replaced');
  });

  it('stores null, 0, false and empty values as hits', async () => {
    for (const value of [null, 0, false, '', [], {}]) {
      const k = key();
      await cache.set(k, value, ttl);
      expect(await cache.get(k)).toEqual(value);
    }
  });

  it('keeps every key under the configured prefix', async () => {
    const k = key();
    await cache.set(k, 1, { ttlSeconds: 60, tags: ['t'] });
    const found = await direct.keys(`*${k}*`);
    expect(found.length).toBeGreaterThan(0);
    for (const name of found) expect(name.startsWith(target.prefix)).toBe(true);
  });

  it('expires an entry after its TTL', async () => {
    const k = key();
    await cache.set(k, 'short', { ttlSeconds: 1, tags: ['ttl-tag'] });
    expect(await cache.get(k)).toBe('short');
    expect(await direct.ttl(`${target.prefix}cache:entry:${k}`)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await cache.get(k)).toBeUndefined();
  });

  it('deletes by key', async () => {
    const [a, b] = [key(), key()];
    await cache.set(a, 'a', ttl);
    await cache.set(b, 'b', ttl);
    await cache.delete([a]);
    expect(await cache.get(a)).toBeUndefined();
    expect(await cache.get(b)).toBe('b');
    await cache.delete([]);
  });

  it('invalidates every entry of a tag, and only those', async () => {
    const [d7, d8, list, other] = [key(), key(), key(), key()];
    await cache.set(d7, 'doctor 7', { ttlSeconds: 60, tags: ['doctor:7', 'doctors'] });
    await cache.set(d8, 'doctor 8', { ttlSeconds: 60, tags: ['doctor:8'] });
    await cache.set(list, 'list', { ttlSeconds: 60, tags: ['doctors'] });
    await cache.set(other, 'other', { ttlSeconds: 60, tags: ['catalog'] });
    await cache.invalidateTags(['doctors']);
    expect(await cache.get(d7)).toBeUndefined();
    expect(await cache.get(list)).toBeUndefined();
    expect(await cache.get(d8)).toBe('doctor 8');
    expect(await cache.get(other)).toBe('other');
    // The tag's set goes with it, and a tag set outlives none of its entries.
    expect(await direct.exists(`${target.prefix}cache:tag:doctors`)).toBe(0);
    expect(await direct.ttl(`${target.prefix}cache:tag:doctor:8`)).toBeGreaterThan(50);
    await cache.invalidateTags(['doctor:8', 'catalog', 'never-used']);
    expect(await cache.get(d8)).toBeUndefined();
    expect(await cache.get(other)).toBeUndefined();
  });

  it('invalidates a tag with thousands of entries in one call', async () => {
    const keys = Array.from({ length: 1_200 }, () => key());
    for (let i = 0; i < keys.length; i += 100) {
      await Promise.all(
        keys.slice(i, i + 100).map((k) => cache.set(k, k, { ttlSeconds: 60, tags: ['big'] })),
      );
    }
    expect(await direct.scard(`${target.prefix}cache:tag:big`)).toBe(1_200);
    await cache.invalidateTags(['big']);
    const left = await Promise.all(keys.slice(0, 50).map((k) => cache.get(k)));
    expect(left.every((v) => v === undefined)).toBe(true);
  });

  it('coalesces concurrent misses through ReadThrough into one load, then serves hits', async () => {
    const readThrough = new ReadThrough(cache);
    const k = key();
    let loads = 0;
    const load = async (): Promise<{ loaded: number }> => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { loaded: loads };
    };
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => readThrough.get(k, ttl, load)),
    );
    expect(loads).toBe(1);
    expect(answers.every((a) => a.loaded === 1)).toBe(true);
    expect(await readThrough.get(k, ttl, load)).toEqual({ loaded: 1 });
    expect(loads).toBe(1);
    expect(await cache.get(k)).toEqual({ loaded: 1 });
  });

  it('counts hits and misses and reports a closed breaker', async () => {
    const before = { ...cache.counters };
    const k = key();
    await cache.get(k);
    await cache.set(k, 1, ttl);
    await cache.get(k);
    expect(cache.counters.misses).toBe(before.misses + 1);
    expect(cache.counters.hits).toBe(before.hits + 1);
    expect(cache.state()).toBe('closed');
  });

  it('treats an entry of another generation as a miss (another replica bumped it)', async () => {
    const k = key();
    await cache.set(k, 'old', ttl);
    await direct.set(`${target.prefix}cache:generation`, 'someone-else-bumped');
    expect(await cache.get(k)).toBeUndefined();
    await cache.set(k, 'new', ttl);
    expect(await cache.get(k)).toBe('new');
  });

  it('starts a new generation when Redis lost it, so older entries never come back', async () => {
    const k = key();
    await cache.set(k, 'before', ttl);
    await direct.del(`${target.prefix}cache:generation`);
    expect(await cache.get(k)).toBeUndefined();
    await cache.set(key(), 'x', ttl);
    expect(await direct.get(`${target.prefix}cache:generation`)).toMatch(/^[0-9a-f]{16}$/);
    expect(await cache.get(k)).toBeUndefined();
  });
});
