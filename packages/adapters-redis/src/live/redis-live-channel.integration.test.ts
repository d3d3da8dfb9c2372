import type { LiveChannel, LiveChannelEvent } from '@doctorly/core';
import { describeLiveChannelContract } from '@doctorly/core/testing';
import { createTestRedis, isSkip, uniqueSuffix } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
import { unusedPort } from '../testing/fault-proxy.js';
import { hasRedisServerBinary, RedisServerProcess } from '../testing/redis-server.js';
import { RedisLiveChannel } from './redis-live-channel.js';

const target = await createTestRedis();

describe.skipIf(isSkip(target))('RedisLiveChannel on a real Redis', () => {
  if (isSkip(target)) return;
  const redis = target;
  const admin = new Redis(redis.url);
  const publishers: FailOpenRedis[] = [];
  const names = new WeakMap<LiveChannel, string>();
  afterAll(async () => {
    await Promise.all(publishers.map((p) => p.close()));
    admin.disconnect();
    await redis.dispose();
  });

  /** A "replica": its own connections, the subscriber named so a test can kill it. */
  function replica(
    options: { onEvent?: (event: LiveChannelEvent) => void; publisher?: FailOpenRedis } = {},
  ): RedisLiveChannel {
    const publisher =
      options.publisher ?? new FailOpenRedis(redis.url, { commandTimeoutMs: 2_000 });
    publishers.push(publisher);
    const connectionName = `${redis.prefix}live-${publishers.length}`;
    const channel = new RedisLiveChannel({
      url: redis.url,
      publisher,
      prefix: redis.prefix,
      connectionName,
      ...(options.onEvent && { onEvent: options.onEvent }),
    });
    names.set(channel, connectionName.replace(/[^A-Za-z0-9:_.-]/g, '_'));
    return channel;
  }

  describeLiveChannelContract(
    'RedisLiveChannel (pub/sub)',
    () => Promise.resolve({ open: () => Promise.resolve(replica()) }),
    {
      kill: async (channel) => {
        const list = (await admin.client('LIST')) as string;
        const line = list.split('\n').find((l) => l.includes(` name=${names.get(channel)} `));
        const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
        if (id === undefined) throw new Error('no subscriber connection to kill');
        const killed = await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub', 'ID', id);
        if (killed !== 1) throw new Error(`CLIENT KILL killed ${String(killed)} connections`);
      },
    },
  );

  it('holds one Redis subscription per topic however many local listeners it has', async () => {
    const channel = replica();
    try {
      const topic = `board:${uniqueSuffix()}`;
      const redisChannel = `${redis.prefix}live:${topic}`;
      const subscriptions = await Promise.all(
        Array.from({ length: 500 }, () => channel.subscribe(topic, () => undefined)),
      );
      expect(await admin.pubsub('NUMSUB', redisChannel)).toEqual([redisChannel, 1]);
      await Promise.all(subscriptions.slice(1).map((s) => s.unsubscribe()));
      expect(await admin.pubsub('NUMSUB', redisChannel)).toEqual([redisChannel, 1]);
      await subscriptions[0]!.unsubscribe();
      expect(await admin.pubsub('NUMSUB', redisChannel)).toEqual([redisChannel, 0]);
    } finally {
      await channel.close();
    }
  });

  it('opens no connection again for an unsubscribe after close', async () => {
    const channel = replica();
    const subscription = await channel.subscribe(`t:${uniqueSuffix()}`, () => undefined);
    await channel.close();
    await subscription.unsubscribe();
    // The closed connection leaves Redis' list shortly; a new one would stay.
    await vi.waitFor(
      async () => {
        const list = (await admin.client('LIST')) as string;
        expect(list).not.toContain(` name=${names.get(channel)} `);
      },
      { timeout: 5_000, interval: 50 },
    );
  });

  it('reports a publish Redis cannot take instead of throwing', async () => {
    const events: LiveChannelEvent[] = [];
    const dead = new FailOpenRedis('redis://127.0.0.1:1', { commandTimeoutMs: 50 });
    const channel = replica({ publisher: dead, onEvent: (event) => events.push(event) });
    await expect(channel.publish('t', 'p')).resolves.toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['publish-failed']);
    await channel.close();
  });

  it('tells a listener-free process nothing and opens no subscriber connection for publishing', async () => {
    const channel = replica();
    try {
      await channel.publish(`t:${uniqueSuffix()}`, 'p');
      const list = (await admin.client('LIST')) as string;
      expect(list).not.toContain(` name=${names.get(channel)} `);
    } finally {
      await channel.close();
    }
  });
});

describe.skipIf(!(await hasRedisServerBinary()))('RedisLiveChannel while Redis is down', () => {
  it('resolves a subscribe after its bounded wait, and delivers once Redis is back', async () => {
    const server = new RedisServerProcess(await unusedPort());
    const events: LiveChannelEvent[] = [];
    const publisher = new FailOpenRedis(server.url, { commandTimeoutMs: 1_000 });
    const channel = new RedisLiveChannel({
      url: server.url,
      publisher,
      subscribeTimeoutMs: 200,
      onEvent: (event) => events.push(event),
    });
    try {
      const heard: string[] = [];
      await channel.subscribe('board:1', (payload) => heard.push(payload));
      expect(events).toContainEqual({ type: 'subscribe-pending', topic: 'board:1' });
      await expect(channel.publish('board:1', 'while down')).resolves.toBeUndefined();
      expect(events.map((event) => event.type)).toContain('publish-failed');

      await server.start();
      await vi.waitFor(
        async () => {
          await channel.publish('board:1', 'back');
          expect(heard).toContain('back');
        },
        { timeout: 15_000, interval: 100 },
      );
      expect(heard).not.toContain('while down');
    } finally {
      await channel.close();
      await publisher.close();
      await server.kill();
    }
  });
});
