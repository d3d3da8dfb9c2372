import type { Cache, CacheEntryOptions } from '../cache/cache.js';
import type { Clock } from '../shared/clock.js';
import { deepFreeze } from '../cache/deep-freeze.js';

interface Entry {
  /** A deep-frozen copy of what was set (through JSON, as a store outside the process would keep it). */
  readonly value: unknown;
  readonly expiresAt: number;
  readonly tags: readonly string[];
}

/**
 * The {@link Cache} port in process memory: TTL by an injected {@link Clock}, tags, and a
 * least-recently-used bound on the number of entries. `set` keeps a deep-frozen copy made
 * through JSON (a `Date` comes back as a string, as from Redis), which every `get` hands out.
 * @category Testing
 */
export class InMemoryCache implements Cache {
  /** Insertion order is recency order: a hit moves the entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): Promise<unknown> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve(undefined);
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.remove(key);
      return Promise.resolve(undefined);
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return Promise.resolve(entry.value);
  }

  set(key: string, value: unknown, options: CacheEntryOptions): Promise<void> {
    this.remove(key);
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined || options.ttlSeconds <= 0) return Promise.resolve();
    this.entries.set(key, {
      value: deepFreeze(JSON.parse(json) as unknown),
      expiresAt: this.clock.now().getTime() + options.ttlSeconds * 1000,
      tags: [...options.tags],
    });
    for (const tag of options.tags) {
      const keys = this.keysByTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.keysByTag.set(tag, keys);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return Promise.resolve();
  }

  delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.remove(key);
    return Promise.resolve();
  }

  invalidateTags(tags: readonly string[]): Promise<void> {
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) this.remove(key);
      this.keysByTag.delete(tag);
    }
    return Promise.resolve();
  }

  /** Number of entries held (expired ones included until touched). */
  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
