import type { Cache, CacheEntryOptions } from '../ports/cache.js';

/**
 * Cache-aside reads: a hit answers from the cache; a miss runs the loader, writes its value
 * back with a TTL and tags, and answers it. Concurrent reads of one key share one lookup and
 * one load (no stampede on a cold key). The cache is only an accelerator: a cache that
 * throws or rejects counts as a miss, and a failed write-back is ignored, so a read never
 * fails because of the cache. A loader's failure is passed on and not cached. A load that
 * overlaps an invalidation of its tags may write back the value from before the change: the
 * TTL bounds how long such an entry can live, which is why TTLs stay short.
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
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly cache: Cache) {}

  get<T>(key: string, options: CacheEntryOptions, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const reading = this.read(key, options, load).finally(() => {
      if (this.inFlight.get(key) === reading) this.inFlight.delete(key);
    });
    this.inFlight.set(key, reading);
    return reading;
  }

  private async read<T>(key: string, options: CacheEntryOptions, load: () => Promise<T>): Promise<T> {
    const cached = await this.lookup(key);
    if (cached !== undefined) return cached as T;
    const value = await load();
    // `undefined` cannot be told from a miss, so it is not stored.
    if (value !== undefined) await this.store(key, value, options);
    return value;
  }

  private async lookup(key: string): Promise<unknown> {
    try {
      return await this.cache.get(key);
    } catch {
      return undefined;
    }
  }

  private async store(key: string, value: unknown, options: CacheEntryOptions): Promise<void> {
    try {
      await this.cache.set(key, value, options);
    } catch {
      // Fail open: the next read loads again.
    }
  }
}
