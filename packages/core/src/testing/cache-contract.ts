import { describe, expect, it } from 'vitest';
import type { Cache } from '../cache/cache.js';
import { suiteSubject, unique, type ContractSubject } from './contract-support.js';

/**
 * What {@link describeCacheContract} runs against. `advance(seconds)` lets time pass: a
 * manual clock moves, a real store simply waits (the suite uses 1-second TTLs and advances
 * 1.5 s, so Redis can run it in real time).
 * @category Testing
 */
export interface CacheSubject extends ContractSubject {
  readonly cache: Cache;
  advance(seconds: number): Promise<void>;
}

/**
 * The contract of the {@link Cache} port: hit, miss, frozen copies, TTL, delete, tag invalidation.
 * `makeSubject` is called once per suite; keys are unique per test.
 * @category Testing
 */
export function describeCacheContract(
  name: string,
  makeSubject: () => Promise<CacheSubject>,
): void {
  describe(`Cache contract: ${name}`, () => {
    const subject = suiteSubject(makeSubject);
    const key = (label: string) => `contract:${unique()}:${label}`;
    const long = { ttlSeconds: 60, tags: [] };

    it('misses a key never set', async () => {
      expect(await subject().cache.get(key('never'))).toBeUndefined();
    });

    it('returns what was set, as JSON values', async () => {
      const { cache } = subject();
      const values: unknown[] = [
        { id: 1, name: 'Zara', tags: ['a', 'b'], nested: { rating: 4.5, none: null }, ok: true },
        [1, 'two', { three: 3 }],
        'text with ünïcode ✓',
        0,
        42.5,
        false,
        null,
        [],
      ];
      const keys = values.map((_, i) => key(`v${i}`));
      for (const [i, value] of values.entries()) await cache.set(keys[i]!, value, long);
      for (const [i, value] of values.entries()) expect(await cache.get(keys[i]!)).toEqual(value);
    });

    it('keeps a copy of what was set and hands out deep-frozen values that nobody can change', async () => {
      const { cache } = subject();
      const k = key('frozen');
      const value = { list: [1, 2], nested: { name: 'Zara' } };
      await cache.set(k, value, long);
      value.list.push(3);
      value.nested.name = 'changed after set';
      const first = (await cache.get(k)) as { list: number[]; nested: { name: string } };
      expect(first).toEqual({ list: [1, 2], nested: { name: 'Zara' } });
      expect(
        Object.isFrozen(first) && Object.isFrozen(first.list) && Object.isFrozen(first.nested),
      ).toBe(true);
      // Modules are strict code: changing a frozen value throws instead of failing silently.
      expect(() => first.list.push(4)).toThrow(TypeError);
      expect(() => {
        first.nested.name = 'changed by a reader';
      }).toThrow(TypeError);
      expect(await cache.get(k)).toEqual({ list: [1, 2], nested: { name: 'Zara' } });
    });

    it('overwrites a key', async () => {
      const { cache } = subject();
      const k = key('over');
      await cache.set(k, 'first', long);
      await cache.set(k, 'second', long);
      expect(await cache.get(k)).toBe('second');
    });

    it('forgets an entry when its TTL has passed, and keeps a longer-lived one', async () => {
      const { cache, advance } = subject();
      const [short, lasting] = [key('short'), key('lasting')];
      await cache.set(short, 'short', { ttlSeconds: 1, tags: [] });
      await cache.set(lasting, 'lasting', { ttlSeconds: 60, tags: [] });
      expect(await cache.get(short)).toBe('short');
      await advance(1.5);
      expect(await cache.get(short)).toBeUndefined();
      expect(await cache.get(lasting)).toBe('lasting');
    });

    it('deletes keys, ignoring unknown ones', async () => {
      const { cache } = subject();
      const [a, b, c] = [key('a'), key('b'), key('c')];
      for (const k of [a, b, c]) await cache.set(k, k, long);
      await cache.delete([a, c, key('unknown')]);
      await cache.delete([]);
      expect(await cache.get(a)).toBeUndefined();
      expect(await cache.get(b)).toBe(b);
      expect(await cache.get(c)).toBeUndefined();
    });

    it('invalidates every entry carrying a tag, and only those', async () => {
      const { cache } = subject();
      const [doctorTag, listTag, otherTag] = [
        `doctor:${unique()}`,
        `doctors:${unique()}`,
        `other:${unique()}`,
      ];
      const [view, list, both, other] = [key('view'), key('list'), key('both'), key('other')];
      await cache.set(view, 1, { ttlSeconds: 60, tags: [doctorTag] });
      await cache.set(list, 2, { ttlSeconds: 60, tags: [listTag] });
      await cache.set(both, 3, { ttlSeconds: 60, tags: [doctorTag, listTag] });
      await cache.set(other, 4, { ttlSeconds: 60, tags: [otherTag] });
      await cache.invalidateTags([doctorTag]);
      expect(await cache.get(view)).toBeUndefined();
      expect(await cache.get(both)).toBeUndefined();
      expect(await cache.get(list)).toBe(2);
      expect(await cache.get(other)).toBe(4);
      await cache.invalidateTags([listTag, `unknown:${unique()}`]);
      await cache.invalidateTags([]);
      expect(await cache.get(list)).toBeUndefined();
      expect(await cache.get(other)).toBe(4);
    });

    it('caches again under a tag after it was invalidated', async () => {
      const { cache } = subject();
      const tag = `doctor:${unique()}`;
      const k = key('again');
      await cache.set(k, 'old', { ttlSeconds: 60, tags: [tag] });
      await cache.invalidateTags([tag]);
      await cache.set(k, 'new', { ttlSeconds: 60, tags: [tag] });
      expect(await cache.get(k)).toBe('new');
      await cache.invalidateTags([tag]);
      expect(await cache.get(k)).toBeUndefined();
    });
  });
}
