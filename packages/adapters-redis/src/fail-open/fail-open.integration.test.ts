import { ReadThrough } from '@doctorly/core';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RedisCache } from '../cache/redis-cache.js';
import { FaultProxy, startSilentServer, unusedPort } from '../testing/fault-proxy.js';
import { hasRedisServerBinary, RedisServerProcess } from '../testing/redis-server.js';
import type { RedisAdapterEvent } from './events.js';
import { FailOpenRedis, type FailOpenOptions } from './fail-open-redis.js';

/** The default deadline, used where no real Redis has to answer in time. */
const timeoutMs = 50;
/** Where a real Redis must answer first, a deadline a loaded two-core machine always meets. */
const realTimeoutMs = 200;
/** Scheduling slack on a loaded two-core machine; still far below any Redis reconnect wait. */
const slackMs = 250;
const entry = { ttlSeconds: 60, tags: ['doctors'] };
const target = await createTestRedis();
const canSpawnRedis = await hasRedisServerBinary();

const opened: FailOpenRedis[] = [];
function connect(url: string, options: FailOpenOptions = {}): FailOpenRedis {
  const redis = new FailOpenRedis(url, { commandTimeoutMs: timeoutMs, ...options });
  opened.push(redis);
  return redis;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close()));
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('fail-open against real faults', () => {
  it('answers from the loader when nothing listens on the port, and opens the breaker', async () => {
    const events: RedisAdapterEvent[] = [];
    const redis = connect(`redis://127.0.0.1:${await unusedPort()}`, {
      breaker: { failureThreshold: 3, coolDownMs: 60_000 },
      onEvent: (e) => events.push(e),
    });
    const cache = new RedisCache(redis, 'dead:');
    const reads = new ReadThrough(cache);
    for (let i = 0; i < 5; i += 1) {
      const { value, ms } = await timed(() =>
        reads.get(`k${i}`, entry, () => Promise.resolve(`from postgres ${i}`)),
      );
      expect(value).toBe(`from postgres ${i}`);
      expect(ms).toBeLessThan(timeoutMs + slackMs);
    }
    await cache.invalidateTags(['doctors']);
    await cache.delete(['k1']);
    expect(cache.state()).toBe('open');
    expect(events).toContainEqual({ type: 'state', state: 'open' });
    expect(events.some((e) => e.type === 'refused')).toBe(true);
    expect(redis.counters.refused).toBeGreaterThan(0);
  });

  it('answers within the timeout from a server that accepts but never answers', async () => {
    const silent = await startSilentServer();
    try {
      const redis = connect(silent.url, { breaker: { failureThreshold: 2, coolDownMs: 60_000 } });
      const cache = new RedisCache(redis, 'silent:');
      const reads = new ReadThrough(cache);
      for (let i = 0; i < 3; i += 1) {
        const { value, ms } = await timed(() =>
          reads.get('k', entry, () => Promise.resolve('loaded')),
        );
        expect(value).toBe('loaded');
        expect(ms).toBeLessThan(timeoutMs + slackMs);
      }
      expect(cache.state()).toBe('open');
    } finally {
      await silent.close();
    }
  });

  describe.skipIf(isSkip(target))(
    'a Redis that hangs after connecting (a TCP proxy holds its traffic)',
    () => {
      if (isSkip(target)) return;
      const upstream = new URL(target.url);
      afterAll(() => target.dispose());

      it('times out each call at the deadline, opens, and closes again once Redis answers', async () => {
        const proxy = await FaultProxy.start(upstream.hostname, Number(upstream.port || 6379));
        try {
          const redis = connect(proxy.url, {
            commandTimeoutMs: realTimeoutMs,
            breaker: { failureThreshold: 3, coolDownMs: 200 },
          });
          expect(await redis.ready()).toBe(true);
          const cache = new RedisCache(redis, target.prefix);
          await cache.set('k', 'cached', entry);
          expect(await cache.get('k')).toBe('cached');

          proxy.hang();
          for (let i = 0; i < 3; i += 1) {
            const { value, ms } = await timed(() => cache.get('k'));
            expect(value).toBeUndefined();
            expect(ms).toBeGreaterThanOrEqual(realTimeoutMs - 5);
            expect(ms).toBeLessThan(realTimeoutMs + slackMs);
          }
          expect(cache.state()).toBe('open');
          const refused = await timed(() => cache.get('k'));
          expect(refused.ms).toBeLessThan(50); // refused at once: no deadline to wait for

          proxy.resume();
          await sleep(250);
          expect(cache.state()).toBe('half-open');
          expect(await cache.get('k')).toBe('cached');
          expect(cache.state()).toBe('closed');
        } finally {
          await proxy.close();
        }
      });

      it('never serves a value whose invalidation was lost while Redis was unreachable (generation bump)', async () => {
        const proxy = await FaultProxy.start(upstream.hostname, Number(upstream.port || 6379));
        const inspect = new Redis(target.url);
        try {
          const viaProxy = connect(proxy.url, {
            commandTimeoutMs: realTimeoutMs,
            breaker: { failureThreshold: 1, coolDownMs: 100 },
          });
          const direct = connect(target.url, { commandTimeoutMs: 2_000 });
          expect(await viaProxy.ready()).toBe(true);
          expect(await direct.ready()).toBe(true);
          const prefix = `${target.prefix}gen:`;
          const writer = new RedisCache(viaProxy, prefix);
          const replica = new RedisCache(direct, prefix);
          await replica.set(
            'doctor:7:view',
            { name: 'old name' },
            { ttlSeconds: 60, tags: ['doctor:7'] },
          );
          expect(await writer.get('doctor:7:view')).toEqual({ name: 'old name' });
          const generation = await inspect.get(`${prefix}cache:generation`);

          proxy.cut();
          await writer.invalidateTags(['doctor:7']); // lost: Redis never sees it
          expect(writer.generationDirty).toBe(true);
          expect(await replica.get('doctor:7:view')).toEqual({ name: 'old name' }); // stale meanwhile

          proxy.restore();
          expect(await viaProxy.ready(3_000)).toBe(true);
          await sleep(150); // the breaker's cool-down
          expect(await writer.get('doctor:7:view')).toBeUndefined();
          expect(writer.generationDirty).toBe(false);
          // The entry itself is still in Redis: the new generation is what hides it…
          expect(await inspect.exists(`${prefix}cache:entry:doctor:7:view`)).toBe(1);
          expect(await inspect.get(`${prefix}cache:generation`)).not.toBe(generation);
          // …from every replica, since each reads the generation with every entry.
          expect(await replica.get('doctor:7:view')).toBeUndefined();
        } finally {
          inspect.disconnect();
          await proxy.close();
        }
      });
    },
  );

  describe.skipIf(!canSpawnRedis)('a Redis that is killed and restarted', () => {
    it('opens while it is down and recovers by itself when it is back', async () => {
      const server = new RedisServerProcess(await unusedPort());
      await server.start();
      try {
        const states: string[] = [];
        const redis = connect(server.url, {
          commandTimeoutMs: realTimeoutMs,
          breaker: { failureThreshold: 2, coolDownMs: 300 },
          onEvent: (e) => e.type === 'state' && states.push(e.state),
        });
        expect(await redis.ready()).toBe(true);
        const cache = new RedisCache(redis, 'restart:');
        await cache.set('k', 'v1', entry);
        expect(await cache.get('k')).toBe('v1');

        await server.kill();
        const reads = new ReadThrough(cache);
        for (let i = 0; i < 4; i += 1) {
          const { value, ms } = await timed(() =>
            reads.get(`down${i}`, entry, () => Promise.resolve('from postgres')),
          );
          expect(value).toBe('from postgres');
          expect(ms).toBeLessThan(realTimeoutMs + slackMs);
        }
        expect(cache.state()).toBe('open');

        await server.start();
        let answer: unknown;
        for (let i = 0; i < 40 && answer === undefined; i += 1) {
          await sleep(200);
          await cache.set('k', 'v2', entry);
          answer = await cache.get('k');
        }
        expect(answer).toBe('v2');
        expect(cache.state()).toBe('closed');
        expect(states).toEqual(expect.arrayContaining(['open', 'half-open', 'closed']));
      } finally {
        await server.kill();
      }
    }, 30_000);
  });
});
