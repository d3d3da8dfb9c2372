import { InMemoryTokenRevocationStore, ManualClock } from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisAdapters, type RedisAdapters } from '../create-redis-adapters.js';
import { FaultProxy } from '../testing/fault-proxy.js';

// "Not revoked" answers kept in the process (docs/adr/0007): a revocation made anywhere must
// be refused everywhere right after, whatever happens to the connections.
const target = await createTestRedis();
const inAnHour = (): Date => new Date(Date.now() + 3_600_000);
let n = 0;
const tokenId = (): string => `jti-${++n}-${Math.random().toString(36).slice(2)}`;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until it yields `expected`. */
async function eventually(
  read: () => unknown,
  expected: unknown,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await read()) !== expected) {
    if (Date.now() > deadline) expect(await read()).toBe(expected);
    await pause(10);
  }
}

/** Asks `process` about `id`; whether it answered without asking Redis. */
async function answeredLocally(
  process: RedisAdapters,
  id: string,
): Promise<{ revoked: boolean; local: boolean }> {
  const calls = process.redis.counters.calls;
  const revoked = await process.revocations.isRevoked(id);
  return { revoked, local: process.redis.counters.calls === calls };
}

/** Asks until `process` answers "not revoked" from its own tier (the first answer comes from Redis). */
async function warm(process: RedisAdapters, id: string): Promise<void> {
  await eventually(async () => {
    const { revoked, local } = await answeredLocally(process, id);
    expect(revoked).toBe(false);
    return local;
  }, true);
}

describe.skipIf(isSkip(target))(
  'RedisTokenRevocationStore keeping "not revoked" in the process',
  () => {
    if (isSkip(target)) return;
    const { prefix } = target;
    // Every revocation reaches the durable store too, as in the server (PostgreSQL there).
    const durable = new InMemoryTokenRevocationStore(new ManualClock(new Date()));
    const direct = new Redis(target.url);
    let a: RedisAdapters;
    let b: RedisAdapters;

    /** A server process: its own connections and tiers. */
    async function process(url: string, commandTimeoutMs = 2_000): Promise<RedisAdapters> {
      const adapters = await createRedisAdapters({
        url,
        prefix,
        commandTimeoutMs,
        search: 'off',
        localCacheBytes: 100_000,
        revocationFallback: durable,
      });
      expect(await adapters.ready()).toBe(true);
      await eventually(() => adapters.cache.localTierEnabled, true);
      return adapters;
    }

    beforeAll(async () => {
      // Redis has held every revocation for longer than a token lives: "not revoked" is sure.
      await direct.set(`${prefix}revocations-since`, String(Date.now() - 7_200_000));
      a = await process(target.url);
      b = await process(target.url);
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
      direct.disconnect();
      await target.dispose();
    });

    it('answers "not revoked" from the process itself once Redis said so', async () => {
      const id = tokenId();
      expect(await answeredLocally(a, id)).toEqual({ revoked: false, local: false });
      await warm(a, id);
    });

    it('refuses a token right after another process revoked it', async () => {
      const id = tokenId();
      await warm(a, id);
      await b.revocations.revoke(id, inAnHour());
      expect(await a.revocations.isRevoked(id)).toBe(true);
    });

    it('refuses a token right after this process revoked it (Redis does not echo its own writes)', async () => {
      const id = tokenId();
      await warm(a, id);
      await a.revocations.revoke(id, inAnHour());
      expect(await answeredLocally(a, id)).toEqual({ revoked: true, local: false });
    });

    it('forgets every answer when the "since" marker changes (Redis may have lost revocations)', async () => {
      const id = tokenId();
      await warm(a, id);
      // A revocation Redis lost (only the durable store has it), and the marker of a fresh start.
      await durable.revoke(id, inAnHour());
      await direct.set(a.revocations.sinceKey, String(Date.now()));
      try {
        expect(await a.revocations.isRevoked(id)).toBe(true);
      } finally {
        await direct.set(a.revocations.sinceKey, String(Date.now() - 7_200_000));
      }
    });

    it('keeps nothing heard of while its listening connection was down', async () => {
      const id = tokenId();
      await warm(a, id);
      const clients = (await direct.client('LIST')) as string;
      const name = `${a.cache.entryPrefix}invalidations`;
      const listeners = clients
        .split('\n')
        .filter((line) => line.includes(`name=${name} `))
        .map((line) => /id=(\d+)/.exec(line)?.[1]);
      expect(listeners.length).toBe(2);
      for (const listener of listeners) await direct.client('KILL', 'ID', listener!);
      // Until it listens again, no message can reach it: the revocation below goes unheard.
      await b.revocations.revoke(id, inAnHour());
      expect(await a.revocations.isRevoked(id)).toBe(true);
      await eventually(() => a.cache.localTierEnabled, true);
      expect(await a.revocations.isRevoked(id)).toBe(true);
      // And it keeps answers again once it listens.
      await warm(a, tokenId());
    });

    it('stops answering from the process when Redis goes silent, within a Redis deadline', async () => {
      const upstream = new URL(target.url);
      const proxy = await FaultProxy.start(upstream.hostname, Number(upstream.port || 6379));
      const silent = await process(proxy.url, 200);
      try {
        const id = tokenId();
        await warm(silent, id);
        proxy.hang({ silent: true });
        await b.revocations.revoke(id, inAnHour()); // Redis has it; the silent process cannot hear of it
        // Its last proof of hearing everything is older than its deadline now: it asks Redis,
        // gets no answer in time, and asks the durable store.
        await pause(250);
        expect(await silent.revocations.isRevoked(id)).toBe(true);
        proxy.resume();
      } finally {
        await silent.close();
        await proxy.close();
      }
    });
  },
);
