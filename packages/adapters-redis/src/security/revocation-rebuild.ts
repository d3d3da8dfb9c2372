import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { LuaScript } from '../fail-open/lua-script.js';
import type { RevocationSnapshotSource } from './revocation-snapshot.js';

/**
 * How a rebuild attempt ended: `rebuilt` (this process copied and marked Redis complete),
 * `complete` (someone already had), `busy` (another process holds the lock), `lost` (Redis
 * lost the lock or the marker meanwhile: nothing is marked), `failed` (an error).
 * @category Adapters
 */
export type RebuildOutcome = 'rebuilt' | 'complete' | 'busy' | 'lost' | 'failed';

/** Keys and settings of a {@link RevocationRebuild}. */
export interface RevocationRebuildOptions {
  readonly keyPrefix: string;
  readonly sinceKey: string;
  readonly lockKey: string;
  readonly lifetimeMs: number;
  readonly now: () => number;
  /** Longest a rebuild may hold the lock; past it the rebuild marks nothing. Default 30 s. */
  readonly lockTtlMs?: number;
  /** Least time before this process tries again after `busy`, `lost` or `failed`. Default 1 s. */
  readonly retryMs?: number;
}

/**
 * Copies every unexpired revocation from the durable store into Redis, then moves the `since`
 * marker a token lifetime back so that Redis' "not revoked" is trusted at once. Why this order
 * never loses a revocation is argued in docs/adr/0012-revocations-rebuilt-into-a-fresh-redis.md.
 */
export class RevocationRebuild {
  private readonly lockTtlMs: number;
  private readonly retryMs: number;
  private running: Promise<RebuildOutcome> | undefined;
  private latest: Promise<RebuildOutcome> | undefined;
  /** No new attempt before this time (epoch ms): set after an attempt that did not finish the job. */
  private retryAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: RevocationSnapshotSource,
    private readonly options: RevocationRebuildOptions,
  ) {
    this.lockTtlMs = options.lockTtlMs ?? 30_000;
    this.retryMs = options.retryMs ?? 1_000;
  }

  /**
   * Starts an attempt in the background unless one is running here or the last one fell short
   * less than `retryMs` ago (a success does not wait: Redis may lose its data again at once);
   * the lock in Redis keeps other processes from copying at the same time.
   * Skipped while the breaker is not closed: a struggling Redis gets no bulk writes.
   */
  request(redis: FailOpenRedis): void {
    if (this.running || redis.state() !== 'closed') return;
    if (Date.now() < this.retryAt) return;
    this.latest = this.running = this.run(redis.client)
      .catch((error: unknown) => {
        // Fail open: the fallback keeps answering until a later attempt succeeds.
        redis.emit({ type: 'failure', operation: 'revocation.rebuild', reason: 'error', error });
        return 'failed' as const;
      })
      .then((outcome) => {
        if (outcome !== 'rebuilt' && outcome !== 'complete')
          this.retryAt = Date.now() + this.retryMs;
        this.running = undefined;
        return outcome;
      });
  }

  /** This process' latest attempt, running or ended, if any (tests wait for it). */
  settled(): Promise<RebuildOutcome> | undefined {
    return this.latest;
  }

  /** One attempt; throws on a Redis or durable-store error (the caller keeps the fallback). */
  async run(client: Redis): Promise<RebuildOutcome> {
    const { sinceKey, lockKey, lifetimeMs, now } = this.options;
    const token = randomUUID();
    const started = now();
    const [state, since] = (await begin.run(
      client,
      [sinceKey, lockKey],
      [started, lifetimeMs, token, this.lockTtlMs],
    )) as [number, string];
    if (state === 0) return 'complete';
    if (state === 2) return 'busy';
    try {
      // The snapshot is read after the lock and the marker were seen: any revocation it misses
      // committed later, and its writer writes Redis after that commit.
      const revocations = await this.source.listUnexpired(new Date(started));
      await this.copy(client, revocations);
    } catch (error) {
      // An expected marker of '' never matches: this only frees the lock for the next attempt.
      await finish.run(client, [sinceKey, lockKey], [token, '', '']).catch(() => undefined);
      throw error;
    }
    const marked = await finish.run(
      client,
      [sinceKey, lockKey],
      [token, since, String(started - lifetimeMs)],
    );
    return marked === 1 ? 'rebuilt' : 'lost';
  }

  /** Writes the revocations in batches; `NX` keeps a writer's own key as it wrote it. */
  private async copy(
    client: Redis,
    revocations: readonly { tokenId: string; expiresAt: Date }[],
  ): Promise<void> {
    const now = this.options.now();
    const live = revocations.filter((r) => r.expiresAt.getTime() > now);
    for (let start = 0; start < live.length; start += batchSize) {
      const pipeline = client.pipeline();
      for (const { tokenId, expiresAt } of live.slice(start, start + batchSize))
        pipeline.set(this.options.keyPrefix + tokenId, '1', 'PXAT', expiresAt.getTime(), 'NX');
      const results = (await pipeline.exec()) ?? [];
      if (results.some(([error]) => error)) throw new Error('could not copy revocations to Redis');
    }
  }
}

/** Keeps each pipeline small enough to be answered within the connection's command timeout. */
const batchSize = 500;

/**
 * KEYS: since, lock. ARGV: now, lifetime, lock token, lock TTL. Sets a missing marker to now
 * (Redis holds every revocation from here on), then: {0, since} when the marker is already a
 * lifetime old (nothing to do), {1, since} when the lock was taken, {2, since} when it is held.
 */
const begin = new LuaScript(`
local since = redis.call('GET', KEYS[1])
if not since then
  since = ARGV[1]
  redis.call('SET', KEYS[1], since)
end
if tonumber(ARGV[1]) - tonumber(since) >= tonumber(ARGV[2]) then return {0, since} end
if redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[4]) then return {1, since} end
return {2, since}
`);

/**
 * KEYS: since, lock. ARGV: lock token, the marker seen at the start, the complete marker.
 * Marks Redis complete only if it still holds this lock and the same marker (a flush in
 * between would have taken part of the copy with it); releases this lock either way.
 */
const finish = new LuaScript(`
local mine = redis.call('GET', KEYS[2]) == ARGV[1]
local marked = 0
if mine and redis.call('GET', KEYS[1]) == ARGV[2] then
  redis.call('SET', KEYS[1], ARGV[3])
  marked = 1
end
if mine then redis.call('DEL', KEYS[2]) end
return marked
`);
