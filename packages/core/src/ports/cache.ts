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
 * @category Ports
 */
export interface Cache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, options: CacheEntryOptions): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  invalidateTags(tags: readonly string[]): Promise<void>;
}
/** Injection token of {@link Cache}. @category Ports */
export const Cache = Symbol.for('doctorly.Cache');
