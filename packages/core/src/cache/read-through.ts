import type { Cache, CacheEntryOptions } from './cache.js';
import { deepFreeze } from './deep-freeze.js';

/**
 * Cache-aside reads: a hit answers from the cache; a miss runs the loader, writes its value
 * back with a TTL and tags, and answers it. Concurrent misses of one key share one load (no
 * stampede on a cold key). The cache is only an accelerator: a cache that throws or rejects
 * counts as a miss, and a failed write-back is ignored, so a read never fails because of the
 * cache. A loader's failure is passed on and not cached. A load that overlaps an
 * invalidation of its tags may write back the value from before the change: the TTL bounds
 * how long such an entry can live, which is why TTLs stay short.
 *
 * Every value it answers is deep-frozen and may be shared (see {@link Cache}): a hit as the
 * cache hands it out, a loaded value frozen before it is stored and answered, so that a
 * reader behaves the same whether its read hit or missed.
 * @example
 * ```ts
 * import { ReadThrough, cacheKeys, cacheTags, cacheTtl, toDoctorView } from '@doctorly/core';
 * import type { Cache, Clock, UnitOfWork } from '@doctorly/core';
 *
 * declare const cache: Cache; // RedisCache, InMemoryCache …
 * declare const uow: UnitOfWork;
 * declare const clock: Clock;
 * const reads = new ReadThrough(cache);
 *
 * // A hit answers from the cache; a miss loads from PostgreSQL and writes the value back,
 * // tagged so that a `doctor.changed` event of doctor 7 invalidates it. Cache JSON views,
 * // not models: a Date comes back from the cache as a string.
 * const view = await reads.get(
 *   cacheKeys.doctor(7),
 *   { ttlSeconds: cacheTtl.doctor, tags: [cacheTags.doctor(7)] },
 *   async () => {
 *     const snapshot = await uow.read.doctors.snapshot(7);
 *     return snapshot && toDoctorView(snapshot, clock.now());
 *   },
 * );
 * ```
 * @category Use cases
 */
export class ReadThrough {
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(private readonly cache: Cache) {}

  async get<T>(key: string, options: CacheEntryOptions, load: () => Promise<T>): Promise<T> {
    // A hit costs one lookup and nothing else: most reads are hits, answered from the
    // process' own tier without I/O, so bookkeeping here would be most of their cost.
    let cached: unknown;
    try {
      cached = await this.cache.get(key);
    } catch {
      // A cache that throws or rejects: a miss.
    }
    // Frozen already by the port's contract (then this is one check); frozen here for a cache
    // that hands out copies, so that what ReadThrough answers never depends on the cache.
    if (cached !== undefined) return deepFreeze(cached) as T;
    const pending = this.loading.get(key);
    if (pending) return pending as Promise<T>;
    const loading = this.loadAndStore(key, options, load).finally(() => {
      if (this.loading.get(key) === loading) this.loading.delete(key);
    });
    this.loading.set(key, loading);
    return loading;
  }

  private async loadAndStore<T>(
    key: string,
    options: CacheEntryOptions,
    load: () => Promise<T>,
  ): Promise<T> {
    const value = deepFreeze(await load());
    // `undefined` cannot be told from a miss, so it is not stored.
    if (value !== undefined) await this.store(key, value, options);
    return value;
  }

  private async store(key: string, value: unknown, options: CacheEntryOptions): Promise<void> {
    try {
      await this.cache.set(key, value, options);
    } catch {
      // Fail open: the next read loads again.
    }
  }
}
