import type { LiveChannel, LiveChannelEvent } from '@doctorly/core';
import { describeLiveChannelContract } from '@doctorly/core/testing';
import { createTestRedis, isSkip, uniqueSuffix } from '@doctorly/test-support';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { FailOpenRedis } from '../fail-open/fail-open-redis.js';
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

  describeLiveChannelContract('RedisLiveChannel (pub/sub)', () =>
    Promise.resolve({
      open: () => Promise.resolve(replica()),
      distributed: {
        kill: async (channel) => {
          const list = (await admin.client('LIST')) as string;
          const line = list.split('\n').find((l) => l.includes(` name=${names.get(channel)} `));
          const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
          if (id === undefined) throw new Error('no subscriber connection to kill');
          const killed = await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub', 'ID', id);
          if (killed !== 1) throw new Error(`CLIENT KILL killed ${String(killed)} connections`);
        },
      },
    }),
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
