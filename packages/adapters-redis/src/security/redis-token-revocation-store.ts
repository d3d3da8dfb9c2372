import type { TokenRevocationStore } from '@doctorly/core';
import type { Redis } from 'ioredis';
import type { LocalTier } from '../cache/local-tier.js';
import type { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { RevocationRebuild, type RebuildOutcome } from './revocation-rebuild.js';
import type { RevocationSnapshotSource } from './revocation-snapshot.js';

/** Options of {@link RedisTokenRevocationStore}. @category Adapters */
export interface RedisTokenRevocationOptions {
  readonly prefix?: string;
  /**
   * The durable store (PostgreSQL) that every revocation is also written to, and that is
   * asked when Redis cannot answer for sure. Strongly advised in production.
   */
  readonly fallback?: TokenRevocationStore;
  /**
   * The longest lifetime of a token (ms, default one hour). For this long after Redis lost
   * its data (a restart without persistence), a "not revoked" from Redis is checked against
   * the fallback, because a revocation made before the loss may be missing — unless a
   * `snapshot` rebuild completes Redis sooner.
   */
  readonly maxTokenLifetimeMs?: number;
  readonly now?: () => number;
  /**
   * Keeps "not revoked" answers in the process, kept true by Redis' invalidation messages
   * (its tracking must cover {@link RedisTokenRevocationStore.keyPrefix} and reset on
   * {@link RedisTokenRevocationStore.sinceKey}; see docs/adr/0007-revocation-answers-in-process.md).
   */
  readonly localTier?: LocalTier<true>;
  /**
   * Where to copy every unexpired revocation from when Redis' `since` marker is younger than
   * `maxTokenLifetimeMs` (a fresh or flushed Redis), so that Redis answers alone seconds after
   * start instead of a token lifetime later (docs/adr/0012-revocations-rebuilt-into-a-fresh-redis.md).
   * Used only with a `fallback` (normally the same PostgreSQL store).
   */
  readonly snapshot?: RevocationSnapshotSource;
  /** Least time between two rebuild attempts of this process. Default 1 s. */
  readonly rebuildRetryMs?: number;
}

/**
 * {@link TokenRevocationStore} on Redis: one key per revoked token id, expiring when the token
 * would have expired anyway (`SET … PXAT`).
 *
 * **Failure rule — a revoked token is never silently accepted when a `fallback` is given.**
 * `revoke` writes the fallback first (its errors propagate: a logout that was not recorded
 * must not look successful), then Redis. `isRevoked` answers from Redis when it can; when
 * Redis is slow or down it asks the fallback; when Redis answered "not revoked" but may have
 * lost revocations (its `since` marker is younger than `maxTokenLifetimeMs`, i.e. Redis
 * started empty recently), it asks the fallback too. Revocations that could not be written to
 * Redis are kept in this process (and count as revoked here) and written once Redis is back.
 * With a `snapshot` source, the first answer that needed the fallback because the marker was
 * young starts a rebuild in the background (one process at a time, under a Redis lock): every
 * unexpired revocation is copied into Redis, then the marker is moved a lifetime back, and
 * from then on Redis answers alone.
 * Without a fallback the store fails open like the other adapters — `isRevoked` answers
 * `false` while Redis is down — which the host should only accept knowingly.
 *
 * **In-process answers (optional).** With a `localTier`, an answer "not revoked" that Redis
 * gave for sure (no fallback needed) is kept in the process and reused while Redis' tracking
 * says the key is unchanged; another process' revocation (a new key under the prefix) drops
 * it as soon as Redis' message arrives, this process' own revocation at once, and any doubt
 * about the messages empties the tier. Never used while this process holds revocations that
 * Redis has not seen, nor while the breaker is open.
 * @category Adapters
 */
export class RedisTokenRevocationStore implements TokenRevocationStore {
  /** What every revoked token's key starts with. */
  readonly keyPrefix: string;
  /** The key holding when Redis started to hold every revocation (its `since` marker). */
  readonly sinceKey: string;
  /** The key of the lock a process holds while it rebuilds Redis' revocations. */
  readonly rebuildLockKey: string;
  private readonly rebuild: RevocationRebuild | undefined;
  private readonly localTier: LocalTier<true> | undefined;
  private readonly fallback: TokenRevocationStore | undefined;
  private readonly lifetimeMs: number;
  private readonly now: () => number;
  /** Revocations Redis has not seen yet: token id → expiry (ms). */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly redis: FailOpenRedis,
    options: RedisTokenRevocationOptions = {},
  ) {
    this.keyPrefix = `${options.prefix ?? ''}revoked:`;
    this.localTier = options.localTier;
    this.sinceKey = `${options.prefix ?? ''}revocations-since`;
    this.fallback = options.fallback;
    this.lifetimeMs = options.maxTokenLifetimeMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
    this.rebuildLockKey = `${options.prefix ?? ''}revocations-rebuild-lock`;
    this.rebuild =
      options.snapshot && options.fallback
        ? new RevocationRebuild(options.snapshot, {
            keyPrefix: this.keyPrefix,
            sinceKey: this.sinceKey,
            lockKey: this.rebuildLockKey,
            lifetimeMs: this.lifetimeMs,
            now: this.now,
            ...(options.rebuildRetryMs !== undefined && { retryMs: options.rebuildRetryMs }),
          })
        : undefined;
  }

  /** This process' latest rebuild attempt, if any: resolves with how it ended. */
  rebuildSettled(): Promise<RebuildOutcome> | undefined {
    return this.rebuild?.settled();
  }

  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    const until = expiresAt.getTime();
    if (until <= this.now()) return;
    // Redis does not tell this process of its own writes (NOLOOP): forget the answer here.
    this.localTier?.invalidate([this.keyPrefix + tokenId]);
    if (this.fallback) await this.fallback.revoke(tokenId, expiresAt);
    this.pending.set(tokenId, until);
    await this.redis.run('revocation.revoke', (client) => this.flushPending(client));
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    const key = this.keyPrefix + tokenId;
    // Revocations Redis has not seen yet are only known here: ask Redis, which also writes them.
    const local = this.pending.size === 0 ? this.localTier : undefined;
    if (local && this.redis.state() === 'closed') {
      const now = Date.now();
      // After a pause (lease over), one shared PING renews the proof: cheaper than an MGET each.
      const answers = local.answers(now) || (await local.renew(now));
      if (answers && local.lookup(key, Date.now())) return false;
    }
    const marker = local?.beginFetch(key);
    const outcome = await this.redis.run('revocation.isRevoked', async (client) => {
      await this.flushPending(client);
      const [revoked, since] = await client.mget(key, this.sinceKey);
      return {
        revoked: revoked !== null,
        since: since === null ? await this.markSince(client) : Number(since),
      };
    });
    const pendingUntil = this.pending.get(tokenId);
    const revoked =
      (pendingUntil !== undefined && pendingUntil > this.now()) ||
      (outcome.ok && outcome.value.revoked);
    const sure =
      !revoked &&
      outcome.ok &&
      (!this.fallback || this.now() - outcome.value.since >= this.lifetimeMs);
    if (marker !== undefined) {
      // Kept only if Redis was sure and no revocation of the key was heard meanwhile.
      if (sure)
        local?.completeFetch(
          key,
          marker,
          true,
          key.length + entryOverhead,
          Number.POSITIVE_INFINITY,
          Date.now(),
        );
      else local?.abandonFetch(key, marker);
    }
    if (revoked) return true;
    if (sure) return false;
    if (!this.fallback) return false;
    // Redis answered but its marker is young: bring it to a complete state for next time.
    if (outcome.ok) this.rebuild?.request(this.redis);
    this.redis.emit({ type: 'fallback', operation: 'revocation.isRevoked' });
    return this.fallback.isRevoked(tokenId);
  }

  /** Writes the revocations Redis has not seen; they leave `pending` only once written. */
  private async flushPending(client: Redis): Promise<void> {
    if (this.pending.size === 0) return;
    const now = this.now();
    const batch = [...this.pending].filter(([, until]) => until > now);
    const pipeline = client.pipeline();
    for (const [id, until] of batch) pipeline.set(this.keyPrefix + id, '1', 'PXAT', until);
    const results = (await pipeline.exec()) ?? [];
    if (results.some(([error]) => error)) throw new Error('could not write revocations to Redis');
    for (const [id, until] of this.pending)
      if (until <= now || batch.some(([b]) => b === id)) this.pending.delete(id);
  }

  /** Redis has no `since` marker: it is new or lost its data; from now on it is complete. */
  private async markSince(client: Redis): Promise<number> {
    await client.set(this.sinceKey, String(this.now()), 'NX');
    return Number(await client.get(this.sinceKey));
  }
}

/** What a kept answer costs besides its key (a map entry and its record), for the tier's bound. */
const entryOverhead = 64;
