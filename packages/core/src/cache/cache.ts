import type { ServiceToken } from '../shared/service-token.js';
/** How long a cached value lives and which tags invalidate it. @category Ports */
export interface CacheEntryOptions {
  readonly ttlSeconds: number;
  /** E.g. `doctor:7`: invalidating the tag removes every entry that carries it. */
  readonly tags: readonly string[];
}

/**
 * A key-value cache of JSON values in front of PostgreSQL. Fail-open: implementations never
 * throw; when the backing store is slow or down, `get` answers `undefined` and writes are
 * dropped, so the caller falls back to the source of truth.
 *
 * Values are immutable once cached. `set` keeps the value as it is then (its JSON: later
 * changes to the caller's object do not reach the cache), and `get` answers a
 * {@link deepFreeze | deep-frozen} value that an implementation may hand to every reader of
 * the key: a reader that wants to change it changes a copy. Sharing is what lets a hot read
 * skip parsing, and lets a host keep the rendered answer of a value while it lives.
 * @category Ports
 */
export interface Cache {
  /** The value of a live entry, deep-frozen and possibly shared; `undefined` on a miss or when the store is unavailable. */
  get(key: string): Promise<unknown>;
  /** Keeps a JSON copy of `value` for `options.ttlSeconds`, under `options.tags`. */
  set(key: string, value: unknown, options: CacheEntryOptions): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  invalidateTags(tags: readonly string[]): Promise<void>;
}
/** Injection token of {@link Cache}. @category Ports */
export const Cache: ServiceToken<Cache> = Symbol.for('doctorly.Cache');
