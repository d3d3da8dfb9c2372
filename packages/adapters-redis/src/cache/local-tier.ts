/** One remembered entry: the value as Redis answered it, its size, and when Redis forgets it. */
interface LocalEntry<V> {
  readonly value: V;
  readonly size: number;
  readonly expiresAtMs: number;
}

/** Bounds and lease of a {@link LocalTier}. @category Adapters */
export interface LocalTierOptions {
  /** Longest an entry is kept, whatever its TTL in Redis: a bound for the unforeseen. Default 60 s. */
  readonly maxAgeMs?: number;
  /**
   * How long after the last proof that Redis' invalidation messages reach this process
   * ({@link LocalTier.confirm}) the tier still answers. Default: no lease (answers while enabled).
   */
  readonly leaseMs?: number;
}

/**
 * The in-process tier of {@link RedisCache} (and of the token revocation store): the values of
 * entries this process read from Redis (as the cache hands them out: parsed, deep-frozen), kept while Redis itself says they are unchanged
 * (server-assisted client-side caching, see {@link InvalidationTracking}). It holds nothing
 * Redis does not hold: it is filled only from Redis' answers, emptied key by key by Redis'
 * invalidation messages, by this process' own writes, and entirely whenever it cannot be sure
 * to hear of every change (`disable`).
 *
 * A read that races a change must not keep the old value: {@link beginFetch} leaves a marker
 * for the key before Redis is asked, an invalidation of the key removes the marker, and
 * {@link completeFetch} keeps the answer only if its marker is still there. Whichever of the
 * answer and the invalidation message arrives first, the old value is not kept.
 *
 * With a lease, the tier answers only while the listening connection has recently proven
 * that every invalidation Redis sent before a given instant has arrived ({@link confirm}: a
 * PING answered on that connection comes after every message sent before it). A connection
 * that died silently, or a Redis that hangs, then stops the tier within the lease; half-way
 * through it, {@link lookup} asks for a new proof (`keepAlive`); {@link renew} waits for one.
 *
 * Bounded by size: the entries' sizes (the caller's measure, e.g. characters of JSON) stay
 * under `maxBytes`, the oldest filled first out; an entry bigger than an eighth of that is not
 * kept at all. Pure bookkeeping, no I/O.
 * @category Adapters
 */
export class LocalTier<V = string> {
  private readonly entries = new Map<string, LocalEntry<V>>();
  private readonly fetching = new Map<string, symbol>();
  private readonly maxAgeMs: number;
  private readonly leaseMs: number;
  private active = false;
  private bytes = 0;
  private heardUpToMs = Number.NEGATIVE_INFINITY;
  /** Called when the lease is half over: asks the listening connection for a new proof (settles when it came, or did not in time). */
  keepAlive: (() => Promise<void>) | undefined;

  constructor(
    private readonly maxBytes: number,
    options: LocalTierOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? Number.POSITIVE_INFINITY;
  }

  /** Whether entries are being kept (tracking is on). */
  get enabled(): boolean {
    return this.active;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Sum of the sizes of the entries held now. */
  get heldBytes(): number {
    return this.bytes;
  }

  /**
   * Starts keeping entries: called once Redis tracks changes for this process, with the time
   * from which its messages are known to arrive (when tracking was being set up).
   */
  enable(sinceMs: number): void {
    this.active = true;
    this.heardUpToMs = sinceMs;
  }

  /** Forgets everything and keeps nothing until {@link enable}: changes may go unheard. */
  disable(): void {
    this.active = false;
    this.heardUpToMs = Number.NEGATIVE_INFINITY;
    this.clear();
  }

  /** Every message Redis sent before `sentAtMs` has arrived (a PING sent then was answered). */
  confirm(sentAtMs: number): void {
    if (this.active && sentAtMs > this.heardUpToMs) this.heardUpToMs = sentAtMs;
  }

  /** Whether the tier answers at `nowMs`: enabled, and within the lease of the last proof. */
  answers(nowMs: number): boolean {
    if (!this.active) return false;
    const age = nowMs - this.heardUpToMs;
    if (age * 2 >= this.leaseMs) void this.keepAlive?.();
    return age < this.leaseMs;
  }

  /**
   * Whether the tier answers, waiting for a new proof first when its lease is over (a process
   * that was not scheduled for a while): one PING shared by every waiting caller, instead of
   * each of them asking Redis.
   */
  async renew(nowMs: number): Promise<boolean> {
    if (this.answers(nowMs)) return true;
    if (!this.active || !this.keepAlive) return false;
    await this.keepAlive();
    return this.answers(Date.now());
  }

  /** The value of a live entry, or `undefined` (also while the tier does not answer). */
  lookup(key: string, nowMs: number): V | undefined {
    if (!this.answers(nowMs)) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.drop(key);
      return undefined;
    }
    return entry.value;
  }

  /** Marks a read of `key` from Redis as started; `undefined` when nothing will be kept. */
  beginFetch(key: string): symbol | undefined {
    if (!this.active) return undefined;
    const marker = Symbol(key);
    this.fetching.set(key, marker);
    return marker;
  }

  /** Keeps Redis' answer of a read begun with `marker`, unless the key changed meanwhile. */
  completeFetch(
    key: string,
    marker: symbol,
    value: V | undefined,
    size: number,
    ttlMs: number,
    nowMs: number,
  ): void {
    if (this.fetching.get(key) !== marker) return;
    this.fetching.delete(key);
    if (!this.active || value === undefined || !(ttlMs > 0) || size > this.maxBytes / 8) return;
    this.drop(key);
    while (this.bytes + size > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
    this.entries.set(key, { value, size, expiresAtMs: nowMs + Math.min(ttlMs, this.maxAgeMs) });
    this.bytes += size;
  }

  /** Ends a read begun with `marker` that gave nothing to keep (a miss, a failure). */
  abandonFetch(key: string, marker: symbol): void {
    if (this.fetching.get(key) === marker) this.fetching.delete(key);
  }

  /** Forgets the keys (Redis said they changed, or this process changed them). */
  invalidate(keys: Iterable<string>): void {
    for (const key of keys) {
      this.drop(key);
      this.fetching.delete(key);
    }
  }

  /** Forgets every entry and every read in flight. */
  clear(): void {
    this.entries.clear();
    this.fetching.clear();
    this.bytes = 0;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}
