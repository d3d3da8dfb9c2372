import type { TokenRevocationStore } from '@doctorly/core';
import type { Redis } from 'ioredis';
import type { FailOpenRedis } from '../fail-open/fail-open-redis.js';

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
   * the fallback, because a revocation made before the loss may be missing.
   */
  readonly maxTokenLifetimeMs?: number;
  readonly now?: () => number;
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
 * Without a fallback the store fails open like the other adapters — `isRevoked` answers
 * `false` while Redis is down — which the host should only accept knowingly.
 * @category Adapters
 */
export class RedisTokenRevocationStore implements TokenRevocationStore {
  private readonly namespace: string;
  private readonly sinceKey: string;
  private readonly fallback: TokenRevocationStore | undefined;
  private readonly lifetimeMs: number;
  private readonly now: () => number;
  /** Revocations Redis has not seen yet: token id → expiry (ms). */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly redis: FailOpenRedis,
    options: RedisTokenRevocationOptions = {},
  ) {
    this.namespace = `${options.prefix ?? ''}revoked:`;
    this.sinceKey = `${options.prefix ?? ''}revocations-since`;
    this.fallback = options.fallback;
    this.lifetimeMs = options.maxTokenLifetimeMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
  }

  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    const until = expiresAt.getTime();
    if (until <= this.now()) return;
    if (this.fallback) await this.fallback.revoke(tokenId, expiresAt);
    this.pending.set(tokenId, until);
    await this.redis.run('revocation.revoke', (client) => this.flushPending(client));
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    const outcome = await this.redis.run('revocation.isRevoked', async (client) => {
      await this.flushPending(client);
      const [revoked, since] = await client.mget(this.namespace + tokenId, this.sinceKey);
      return {
        revoked: revoked !== null,
        since: since === null ? await this.markSince(client) : Number(since),
      };
    });
    const pendingUntil = this.pending.get(tokenId);
    if (pendingUntil !== undefined && pendingUntil > this.now()) return true;
    if (outcome.ok && outcome.value.revoked) return true;
    if (!this.fallback) return false;
    if (outcome.ok && this.now() - outcome.value.since >= this.lifetimeMs) return false;
    this.redis.emit({ type: 'fallback', operation: 'revocation.isRevoked' });
    return this.fallback.isRevoked(tokenId);
  }

  /** Writes the revocations Redis has not seen; they leave `pending` only once written. */
  private async flushPending(client: Redis): Promise<void> {
    if (this.pending.size === 0) return;
    const now = this.now();
    const batch = [...this.pending].filter(([, until]) => until > now);
    const pipeline = client.pipeline();
    for (const [id, until] of batch) pipeline.set(this.namespace + id, '1', 'PXAT', until);
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
