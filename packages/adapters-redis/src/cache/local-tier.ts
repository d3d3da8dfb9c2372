/** One remembered entry: the JSON as Redis holds it, and when Redis forgets it. */
interface LocalEntry {
  readonly json: string;
  readonly expiresAtMs: number;
}

/**
 * The in-process tier of {@link RedisCache}: copies of entries this process read from Redis,
 * kept while Redis itself says they are unchanged (server-assisted client-side caching, see
 * {@link InvalidationTracking}). It holds nothing Redis does not hold: it is filled only from
 * Redis' answers, emptied key by key by Redis' invalidation messages, by this process' own
 * writes, and entirely whenever it cannot be sure to hear of every change (`disable`).
 *
 * A read that races a change must not keep the old value: {@link beginFetch} leaves a marker
 * for the key before Redis is asked, an invalidation of the key removes the marker, and
 * {@link completeFetch} keeps the answer only if its marker is still there. Whichever of the
 * answer and the invalidation message arrives first, the old value is not kept.
 *
 * Bounded by size: the JSON it holds stays under `maxBytes` (counted as characters, which is
 * what V8 stores for ASCII JSON), the oldest filled first out; an entry bigger than an
 * eighth of that is not kept at all. Pure bookkeeping, no I/O.
 * @category Adapters
 */
export class LocalTier {
  private readonly entries = new Map<string, LocalEntry>();
  private readonly fetching = new Map<string, symbol>();
  private active = false;
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    /** Longest an entry is kept, whatever its TTL in Redis: a bound for the unforeseen. */
    private readonly maxAgeMs = 60_000,
  ) {}

  /** Whether entries are being kept (tracking is on). */
  get enabled(): boolean {
    return this.active;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Characters of JSON held now. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** Starts keeping entries: called once Redis tracks changes for this process. */
  enable(): void {
    this.active = true;
  }

  /** Forgets everything and keeps nothing until {@link enable}: changes may go unheard. */
  disable(): void {
    this.active = false;
    this.clear();
  }

  /** The JSON of a live entry, or `undefined`. */
  lookup(key: string, nowMs: number): string | undefined {
    if (!this.active) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.drop(key);
      return undefined;
    }
    return entry.json;
  }

  /** Marks a read of `key` from Redis as started; `undefined` when nothing will be kept. */
  beginFetch(key: string): symbol | undefined {
    if (!this.active) return undefined;
    const marker = Symbol(key);
    this.fetching.set(key, marker);
    return marker;
  }

  /** Keeps Redis' answer of a read begun with `marker`, unless the key changed meanwhile. */
  completeFetch(key: string, marker: symbol, json: string | undefined, ttlMs: number, nowMs: number): void {
    if (this.fetching.get(key) !== marker) return;
    this.fetching.delete(key);
    if (!this.active || json === undefined || !(ttlMs > 0) || json.length > this.maxBytes / 8) return;
    this.drop(key);
    while (this.bytes + json.length > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
    this.entries.set(key, { json, expiresAtMs: nowMs + Math.min(ttlMs, this.maxAgeMs) });
    this.bytes += json.length;
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
    this.bytes -= entry.json.length;
  }
}
