import {
  createPostgresAdapters,
  type PostgresAdapters,
  type PostgresTokenRevocationStore,
} from '@doctorly/adapters-postgres';
import {
  FailOpenRedis,
  RedisTokenRevocationStore,
  type RevocationSnapshotSource,
  type UnexpiredRevocation,
} from '@doctorly/adapters-redis';
import type { TokenRevocationStore } from '@doctorly/core';
import {
  createTestDatabase,
  createTestRedis,
  hasRealPostgres,
  isSkip,
  type TestDatabase,
  type TestRedis,
} from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// A fresh or flushed Redis is filled from PostgreSQL, then answers alone (docs/adr/0012).
// Real PostgreSQL and Redis: the Redis store as the runtime wires it (redis-infrastructure.ts).
const onServer = hasRealPostgres() && Boolean(process.env.REDIS_URL);
if (!onServer) console.warn('[skip] revocation rebuild: needs DATABASE_URL and REDIS_URL.');
const inAnHour = (): Date => new Date(Date.now() + 3_600_000);
let n = 0;
const tokenId = (): string => `jti-${++n}-${Math.random().toString(36).slice(2)}`;

/**
 * The PostgreSQL store, counting what is asked of it. `beforeSnapshot`/`afterSnapshot` run
 * inside a rebuild, around its read: where a concurrent revocation can land.
 */
class CountingDurableStore implements TokenRevocationStore, RevocationSnapshotSource {
  isRevokedCalls = 0;
  snapshots = 0;
  beforeSnapshot: () => Promise<void> = () => Promise.resolve();
  afterSnapshot: () => Promise<void> = () => Promise.resolve();

  constructor(private readonly inner: PostgresTokenRevocationStore) {}

  revoke(id: string, expiresAt: Date): Promise<void> {
    return this.inner.revoke(id, expiresAt);
  }

  isRevoked(id: string): Promise<boolean> {
    this.isRevokedCalls += 1;
    return this.inner.isRevoked(id);
  }

  async listUnexpired(now: Date): Promise<readonly UnexpiredRevocation[]> {
    this.snapshots += 1;
    await this.beforeSnapshot();
    const revocations = await this.inner.listUnexpired(now);
    await this.afterSnapshot();
    return revocations;
  }
}

describe.skipIf(!onServer)('RedisTokenRevocationStore rebuilt from PostgreSQL', () => {
  let database: TestDatabase;
  let target: TestRedis;
  let direct: Redis;
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const redis = await createTestRedis();
    if (isSkip(redis)) throw new Error(redis.reason);
    target = redis;
    direct = new Redis(target.url);
    const migrating = await postgres();
    await migrating.migrate();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((resource) => resource.close()));
  });
  afterAll(async () => {
    direct.disconnect();
    await target.dispose();
    await database.dispose();
  });

  /** A pool of its own (closed after the test, or sooner to prove it is not asked). */
  async function postgres(): Promise<PostgresAdapters> {
    if (database.kind !== 'postgres') throw new Error('needs a PostgreSQL server');
    const adapters = await createPostgresAdapters(
      { url: database.url, poolSize: 2 },
      { now: () => new Date() },
    );
    // Closed once: a test may close it early to prove it is not asked.
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => (closing ??= adapters.close());
    opened.push({ close });
    return { ...adapters, close };
  }

  /** A server process' store on `prefix`: its own Redis connection, PostgreSQL behind it. */
  async function process(prefix: string, durable: CountingDurableStore) {
    const redis = new FailOpenRedis(target.url, { commandTimeoutMs: 2_000 });
    opened.push(redis);
    expect(await redis.ready()).toBe(true);
    return new RedisTokenRevocationStore(redis, { prefix, fallback: durable, snapshot: durable });
  }

  /** A fresh prefix (a Redis that never saw a revocation) and PostgreSQL behind it. */
  async function fresh() {
    const pg = await postgres();
    const durable = new CountingDurableStore(pg.revocations);
    const prefix = `${target.prefix}${tokenId()}:`;
    return { pg, durable, prefix, store: await process(prefix, durable) };
  }

  it('answers revoked and not revoked with PostgreSQL closed once it rebuilt a fresh Redis', async () => {
    const { pg, durable, store } = await fresh();
    const [revoked, other] = [tokenId(), tokenId()];
    await durable.revoke(revoked, inAnHour()); // known to PostgreSQL only
    expect(await store.isRevoked(other)).toBe(false); // asks PostgreSQL, starts the rebuild
    expect(await store.rebuildSettled()).toBe('rebuilt');
    await pg.close(); // any question to PostgreSQL would now throw
    expect(await store.isRevoked(revoked)).toBe(true);
    expect(await store.isRevoked(other)).toBe(false);
  });

  it('copies each revocation with its token expiry as the key TTL', async () => {
    const { durable, prefix, store } = await fresh();
    const id = tokenId();
    await durable.revoke(id, inAnHour());
    await store.isRevoked(tokenId());
    await store.rebuildSettled();
    const ttl = await direct.pttl(`${prefix}revoked:${id}`);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it('still refuses a token revoked before Redis lost its data, without asking PostgreSQL', async () => {
    const { durable, prefix, store } = await fresh();
    const id = tokenId();
    await store.revoke(id, inAnHour());
    await direct.del(`${prefix}revoked:${id}`, store.sinceKey); // Redis lost its data
    expect(await store.isRevoked(id)).toBe(true); // from PostgreSQL
    expect(await store.rebuildSettled()).toBe('rebuilt');
    const asked = durable.isRevokedCalls;
    expect(await store.isRevoked(id)).toBe(true);
    expect(durable.isRevokedCalls).toBe(asked);
  });

  it('never loses a revocation made by another process while it rebuilds', async () => {
    const { durable, prefix, store } = await fresh();
    const other = await process(prefix, durable);
    const [beforeRead, afterRead] = [tokenId(), tokenId()];
    durable.beforeSnapshot = () => other.revoke(beforeRead, inAnHour());
    durable.afterSnapshot = () => other.revoke(afterRead, inAnHour()); // missed by the read
    await store.isRevoked(tokenId());
    expect(await store.rebuildSettled()).toBe('rebuilt');
    const asked = durable.isRevokedCalls;
    expect([await store.isRevoked(beforeRead), await store.isRevoked(afterRead)]).toEqual([
      true,
      true,
    ]);
    expect(durable.isRevokedCalls).toBe(asked);
  });

  it('rebuilds once when two processes find the same fresh Redis (the lock)', async () => {
    const { durable, prefix, store } = await fresh();
    const second = await process(prefix, durable);
    let secondOutcome: unknown;
    // While the first holds the lock, the second finds Redis fresh too and tries.
    durable.beforeSnapshot = async () => {
      await second.isRevoked(tokenId());
      secondOutcome = await second.rebuildSettled();
    };
    await store.isRevoked(tokenId());
    expect(await store.rebuildSettled()).toBe('rebuilt');
    expect(secondOutcome).toBe('busy');
    expect(durable.snapshots).toBe(1);
  });

  it('does not rebuild a Redis another process has just completed', async () => {
    const { durable, prefix, store } = await fresh();
    await store.isRevoked(tokenId());
    await store.rebuildSettled();
    const second = await process(prefix, durable);
    expect(await second.isRevoked(tokenId())).toBe(false);
    expect(second.rebuildSettled()).toBeUndefined();
    expect(durable.snapshots).toBe(1);
  });

  it('rebuilds again after the keys of its prefix are flushed', async () => {
    const { durable, prefix, store } = await fresh();
    const id = tokenId();
    await store.revoke(id, inAnHour());
    await store.isRevoked(tokenId());
    expect(await store.rebuildSettled()).toBe('rebuilt');
    const keys = await direct.keys(`${prefix}*`);
    await direct.del(...keys);
    expect(await store.isRevoked(id)).toBe(true); // from PostgreSQL while Redis is incomplete
    expect(await store.rebuildSettled()).toBe('rebuilt');
    expect(durable.snapshots).toBe(2);
    const asked = durable.isRevokedCalls;
    expect(await store.isRevoked(id)).toBe(true);
    expect(durable.isRevokedCalls).toBe(asked);
  });

  it('keeps asking PostgreSQL, and frees the lock, when a rebuild fails', async () => {
    const { durable, store } = await fresh();
    const id = tokenId();
    await durable.revoke(id, inAnHour());
    durable.afterSnapshot = () => Promise.reject(new Error('connection lost'));
    await store.isRevoked(tokenId());
    expect(await store.rebuildSettled()).toBe('failed');
    expect(await direct.exists(store.rebuildLockKey)).toBe(0);
    const asked = durable.isRevokedCalls;
    expect(await store.isRevoked(id)).toBe(true);
    expect(durable.isRevokedCalls).toBe(asked + 1);
  });

  it('marks nothing when Redis lost the marker during the copy', async () => {
    const { durable, store } = await fresh();
    durable.afterSnapshot = async () => {
      await direct.del(store.sinceKey, store.rebuildLockKey); // a flush in the middle
    };
    await store.isRevoked(tokenId());
    expect(await store.rebuildSettled()).toBe('lost');
    expect(await direct.exists(store.sinceKey)).toBe(0);
  });
});
