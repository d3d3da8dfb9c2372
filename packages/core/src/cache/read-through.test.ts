import { describe, expect, it } from 'vitest';
import { InMemoryCache, ManualClock } from '@doctorly/core/testing';
import type { Cache, CacheEntryOptions } from './cache.js';
import { ReadThrough } from './read-through.js';

const options: CacheEntryOptions = { ttlSeconds: 60, tags: ['doctor:1'] };

function counting<T>(value: T): { load: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    load: async () => {
      calls += 1;
      await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
      return value;
    },
    calls: () => calls,
  };
}

/** A cache whose every operation fails, the way a Redis that is down might. */
class BrokenCache implements Cache {
  get(): Promise<unknown> {
    return Promise.reject(new Error('connection refused'));
  }
  set(): Promise<void> {
    throw new Error('connection refused');
  }
  delete(): Promise<void> {
    return Promise.reject(new Error('connection refused'));
  }
  invalidateTags(): Promise<void> {
    return Promise.reject(new Error('connection refused'));
  }
}

describe('ReadThrough', () => {
  it('a miss loads, writes back with the tags, and the next read is a hit', async () => {
    const cache = new InMemoryCache(new ManualClock());
    const reads = new ReadThrough(cache);
    const loader = counting({ id: 1 });
    expect(await reads.get('doctor:1:view', options, loader.load)).toEqual({ id: 1 });
    expect(await cache.get('doctor:1:view')).toEqual({ id: 1 });
    expect(await reads.get('doctor:1:view', options, loader.load)).toEqual({ id: 1 });
    expect(loader.calls()).toBe(1);

    await cache.invalidateTags(['doctor:1']);
    expect(await reads.get('doctor:1:view', options, loader.load)).toEqual({ id: 1 });
    expect(loader.calls()).toBe(2);
  });

  it('a hit answers from the cache without loading', async () => {
    const cache = new InMemoryCache(new ManualClock());
    await cache.set('k', 'cached', options);
    const loader = counting('loaded');
    expect(await new ReadThrough(cache).get('k', options, loader.load)).toBe('cached');
    expect(loader.calls()).toBe(0);
  });

  it('the entry lives for its TTL', async () => {
    const clock = new ManualClock();
    const reads = new ReadThrough(new InMemoryCache(clock));
    const loader = counting(1);
    await reads.get('k', options, loader.load);
    clock.advance(61);
    await reads.get('k', options, loader.load);
    expect(loader.calls()).toBe(2);
  });

  it('answers deep-frozen values, loaded or cached alike', async () => {
    const reads = new ReadThrough(new InMemoryCache(new ManualClock()));
    const load = () => Promise.resolve({ id: 1, slots: [{ day: 'monday' }] });
    const loaded = await reads.get('k', options, load);
    const cached = await reads.get('k', options, load);
    for (const value of [loaded, cached]) {
      expect(value).toEqual({ id: 1, slots: [{ day: 'monday' }] });
      expect(
        Object.isFrozen(value) && Object.isFrozen(value.slots) && Object.isFrozen(value.slots[0]),
      ).toBe(true);
    }
  });

  it('freezes what a cache that hands out copies answers too', async () => {
    const broken = new BrokenCache();
    const copying: Cache = {
      get: () => Promise.resolve({ id: 1, list: [1] }),
      set: () => broken.set(),
      delete: () => broken.delete(),
      invalidateTags: () => broken.invalidateTags(),
    };
    const value = await new ReadThrough(copying).get('k', options, () =>
      Promise.resolve({ id: 2, list: [] }),
    );
    expect(value).toEqual({ id: 1, list: [1] });
    expect(Object.isFrozen(value) && Object.isFrozen(value.list)).toBe(true);
  });

  it('concurrent misses of one key share one load', async () => {
    const reads = new ReadThrough(new InMemoryCache(new ManualClock()));
    const loader = counting('v');
    const values = await Promise.all(
      Array.from({ length: 20 }, () => reads.get('k', options, loader.load)),
    );
    expect(values).toEqual(Array(20).fill('v'));
    expect(loader.calls()).toBe(1);
    // Other keys load on their own.
    await reads.get('other', options, loader.load);
    expect(loader.calls()).toBe(2);
  });

  it('a cache that throws or rejects still answers from the loader', async () => {
    const reads = new ReadThrough(new BrokenCache());
    const loader = counting(42);
    expect(await reads.get('k', options, loader.load)).toBe(42);
    expect(await reads.get('k', options, loader.load)).toBe(42);
    expect(loader.calls()).toBe(2);
  });

  it('a failing load reaches every waiter, is not cached, and the next read loads again', async () => {
    const cache = new InMemoryCache(new ManualClock());
    const reads = new ReadThrough(cache);
    let calls = 0;
    const failing = async (): Promise<string> => {
      calls += 1;
      await Promise.resolve();
      throw new Error('database down');
    };
    const results = await Promise.allSettled([
      reads.get('k', options, failing),
      reads.get('k', options, failing),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(await cache.get('k')).toBeUndefined();
    expect(await reads.get('k', options, () => Promise.resolve('back'))).toBe('back');
  });
});
