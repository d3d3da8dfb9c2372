import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deepFreeze, type Cache, type CacheEntryOptions } from '@doctorly/core';
import type { BreakerState } from '../fail-open/circuit-breaker.js';
import type { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { invalidateTagsScript, setEntryScript } from './cache-scripts.js';
import type { LocalTier } from './local-tier.js';

/** Cache reads since start, for metrics. @category Adapters */
export interface CacheCounters {
  hits: number;
  misses: number;
  /** Reads, writes and invalidations that Redis did not answer in time (fail-open answers). */
  errors: number;
  /** Hits answered by the in-process tier, without asking Redis (part of `hits`). */
  localHits: number;
}

/**
 * {@link Cache} on Redis (ioredis): JSON values with TTLs under `{prefix}cache:`, tags as
 * Redis sets of entry keys, so invalidating a tag never scans the key space.
 *
 * **Fail-open.** Every call goes through {@link FailOpenRedis}: a short deadline and a circuit
 * breaker; `get` answers `undefined` (a miss) and writes are dropped when Redis is slow or
 * down, so the caller reads PostgreSQL. Nothing here throws.
 *
 * **No stale value after an outage (generation scheme).** A dropped write is harmless (a
 * miss later), but a dropped *invalidation* would let a stale value be served once Redis is
 * back. So every entry is stamped with the cache *generation* — a random token stored at
 * `{prefix}cache:generation` and stamped server-side by the write script — and a read fetches
 * the generation and the entry in one `MGET`: an entry of another generation is a miss. When
 * an invalidation (`delete` or `invalidateTags`) fails or is refused, this instance marks the
 * generation dirty; its next call that reaches Redis first replaces the generation with a new
 * random token, which turns everything older into misses for every replica at once (they all
 * read the generation on every `get`). A random token, not a counter: if Redis loses the
 * key (restart, eviction), the next writer starts a new token, and old entries can never
 * become valid again. Costs: one more key per `MGET`; after a bump, a cold cache. See
 * docs/adr/0003-cache-invalidation-across-redis-outages.md.
 *
 * **In-process tier (optional).** Given a {@link LocalTier} kept true by
 * {@link InvalidationTracking}, a read first looks there: a hot entry is then served without
 * a round trip to Redis, or a parse: the tier keeps the deep-frozen value every reader of the
 * key shares (the port allows it). The tier holds only what Redis answered, Redis tells it of every
 * change by other processes, and this instance's own invalidations empty it synchronously
 * (so a writer reads its own writes). It is not used while an invalidation is lost (dirty
 * generation). See docs/adr/0005-in-process-cache-tier.md.
 * @category Adapters
 */
export class RedisCache implements Cache {
  readonly counters: CacheCounters = { hits: 0, misses: 0, errors: 0, localHits: 0 };
  /** The key holding the cache generation. */
  readonly generationKey: string;
  /** What every entry key starts with. */
  readonly entryPrefix: string;
  private readonly namespace: string;
  private dirtyVersion = 0;
  private cleanVersion = 0;
  private bumping: Promise<void> | undefined;

  constructor(
    private readonly redis: FailOpenRedis,
    prefix = '',
    /** The in-process tier, when there is one. */
    readonly localTier?: LocalTier<unknown>,
  ) {
    this.namespace = `${prefix}cache:`;
    this.generationKey = `${this.namespace}generation`;
    this.entryPrefix = `${this.namespace}entry:`;
  }

  /** The breaker's state, for `/readyz` and metrics. */
  state(): BreakerState {
    return this.redis.state();
  }

  /** Whether reads are answered from the in-process tier now (it exists and Redis tracks changes for it). */
  get localTierEnabled(): boolean {
    return this.localTier?.enabled ?? false;
  }

  /** Whether an invalidation was lost and the generation still has to be replaced. */
  get generationDirty(): boolean {
    return this.dirtyVersion > this.cleanVersion;
  }

  async get(key: string): Promise<unknown> {
    const entry = this.entryKey(key);
    const local = this.generationDirty ? undefined : this.localTier;
    const kept = this.trustsLocalTier() ? local?.lookup(entry, Date.now()) : undefined;
    if (kept !== undefined) {
      this.counters.hits += 1;
      this.counters.localHits += 1;
      return kept;
    }
    const marker = local?.beginFetch(entry);
    const outcome = await this.redis.run('cache.get', async (client) => {
      await this.settleGeneration(client);
      // Auto-pipelined: the TTL costs no extra round trip. The tier keeps an entry no longer.
      const [values, ttlMs] = await Promise.all([
        client.mget(this.generationKey, entry),
        marker === undefined ? undefined : client.pttl(entry),
      ]);
      return { values, ttlMs };
    });
    if (!outcome.ok) {
      if (marker !== undefined) local?.abandonFetch(entry, marker);
      this.counters.errors += 1;
      return undefined;
    }
    const json = current(outcome.value.values[0], outcome.value.values[1]);
    const value = json === undefined ? undefined : parse(json);
    if (json === undefined || value === undefined) {
      if (marker !== undefined) local?.abandonFetch(entry, marker);
      this.counters.misses += 1;
      return undefined;
    }
    this.counters.hits += 1;
    // The tier keeps the frozen value itself: a hit there is not parsed again (the port lets
    // readers share it). Its weight counts the parsed value and what readers keep beside it.
    if (marker !== undefined)
      local?.completeFetch(
        entry,
        marker,
        value,
        tierWeight(json),
        outcome.value.ttlMs ?? 0,
        Date.now(),
      );
    return value;
  }

  async set(key: string, value: unknown, options: CacheEntryOptions): Promise<void> {
    const json = JSON.stringify(value) as string | undefined;
    const ttl = Math.ceil(options.ttlSeconds);
    if (json === undefined || !(ttl > 0)) return;
    const entry = this.entryKey(key);
    const tagKeys = [...new Set(options.tags)].map((tag) => this.tagKey(tag));
    const outcome = await this.redis.run('cache.set', async (client) => {
      await this.settleGeneration(client);
      return setEntryScript.run(
        client,
        [this.generationKey, entry, ...tagKeys],
        [json, ttl, newGeneration()],
      );
    });
    if (!outcome.ok) this.counters.errors += 1;
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const entries = keys.map((key) => this.entryKey(key));
    this.localTier?.invalidate(entries);
    await this.invalidation('cache.delete', (client) => client.unlink(...entries));
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const tagKeys = [...new Set(tags)].map((tag) => this.tagKey(tag));
    await this.invalidation('cache.invalidateTags', async (client) => {
      const removed = await invalidateTagsScript.run(client, tagKeys, []);
      // Redis does not tell this process of its own changes (NOLOOP): forget them here.
      if (Array.isArray(removed)) this.localTier?.invalidate(removed.map(String));
    });
  }

  private async invalidation(
    operation: string,
    work: (client: Redis) => Promise<unknown>,
  ): Promise<void> {
    const outcome = await this.redis.run(operation, async (client) => {
      await this.settleGeneration(client);
      await work(client);
    });
    if (outcome.ok) return;
    // Lost (or maybe lost: a timed-out call may not have run): the next call that reaches
    // Redis replaces the generation first. Which local entries it concerned is unknown.
    this.localTier?.clear();
    this.dirtyVersion += 1;
    this.counters.errors += 1;
  }

  /** Replaces the generation when an invalidation was lost; concurrent callers share one bump. */
  private async settleGeneration(client: Redis): Promise<void> {
    if (!this.generationDirty) return;
    this.bumping ??= (async () => {
      const target = this.dirtyVersion;
      try {
        await client.set(this.generationKey, newGeneration());
        // Every entry of the old generation is gone; Redis does not tell us (NOLOOP).
        this.localTier?.clear();
        this.cleanVersion = Math.max(this.cleanVersion, target);
        this.redis.emit({ type: 'generation-bumped' });
      } finally {
        this.bumping = undefined;
      }
    })();
    await this.bumping;
  }

  /**
   * The tier is only as good as the messages Redis sends. A Redis that hangs keeps its
   * connections open and sends nothing while other processes' invalidations fail: so the tier
   * answers only while this process' calls get answers (one within the last second, breaker
   * closed) and no invalidation of its own is lost. Otherwise reads ask Redis, time out and go
   * to PostgreSQL, as without the tier.
   */
  private trustsLocalTier(): boolean {
    return (
      !this.generationDirty &&
      this.redis.state() === 'closed' &&
      Date.now() - this.redis.lastAnsweredAt < localTierLeaseMs
    );
  }

  private entryKey(key: string): string {
    return `${this.namespace}entry:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.namespace}tag:${tag}`;
  }
}

/** How long after Redis' last answer the in-process tier still answers (see trustsLocalTier). */
const localTierLeaseMs = 1_000;

function newGeneration(): string {
  return randomBytes(8).toString('hex');
}

/** The JSON of an entry (`<generation>|<json>`) of the current generation; anything else is a miss. */
function current(
  generation: string | null | undefined,
  stored: string | null | undefined,
): string | undefined {
  if (!generation || !stored) return undefined;
  const bar = stored.indexOf('|');
  if (bar < 0 || stored.slice(0, bar) !== generation) return undefined;
  return stored.slice(bar + 1);
}

/** A value as readers get it: parsed and deep-frozen; `undefined` for JSON that does not parse. */
function parse(json: string): unknown {
  try {
    return deepFreeze(JSON.parse(json) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * What an entry of `json` costs the process, in the tier's bound: the parsed value (V8 holds a
 * parsed doctor view in about 1.3 times its JSON's length, measured) plus what a host derives
 * from it and keeps while the value lives (the HTTP server's rendered body, about once more).
 */
function tierWeight(json: string): number {
  return json.length * 2;
}
