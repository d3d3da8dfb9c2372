import type { LiveChannel, LiveChannelEvent } from '@doctorly/core';
import { describeLiveChannelContract } from '@doctorly/core/testing';
import { createTestDatabase, describeOnPostgresServer, uniqueSuffix } from '@doctorly/test-support';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { PgPoolSqlClient } from '../sql/pg-pool-client.js';
import { notifyPayloadLimit, PostgresLiveChannel } from './postgres-live-channel.js';

describeOnPostgresServer('PostgresLiveChannel')('PostgresLiveChannel', () => {
  /** Every instance of a run shares a database of its own and a channel of its own. */
  const run = uniqueSuffix();
  let url = '';
  let dispose: () => Promise<void> = () => Promise.resolve();
  const pools: PgPoolSqlClient[] = [];
  const names = new WeakMap<LiveChannel, string>();
  let admin: PgPoolSqlClient;

  beforeAll(async () => {
    const db = await createTestDatabase();
    if (db.kind !== 'postgres') throw new Error('needs a PostgreSQL server');
    url = db.url;
    dispose = db.dispose;
    admin = new PgPoolSqlClient({ url, poolSize: 1 });
  });
  afterAll(async () => {
    await Promise.all([admin.close(), ...pools.map((pool) => pool.close())]);
    await dispose();
  });

  /** A "replica": its own pool and its own listening connection, named so a test can kill it. */
  function replica(
    options: { onEvent?: (event: LiveChannelEvent) => void } = {},
  ): PostgresLiveChannel {
    const pool = new PgPoolSqlClient({ url, poolSize: 2 });
    pools.push(pool);
    const applicationName = `live-${run}-${pools.length}`;
    const channel = new PostgresLiveChannel({
      url,
      sql: pool,
      channel: `live_${run}`,
      applicationName,
      reconnect: { initialMs: 20, maxMs: 500 },
      ...options,
    });
    names.set(channel, applicationName);
    return channel;
  }

  describeLiveChannelContract(
    'PostgresLiveChannel (LISTEN/NOTIFY)',
    () => Promise.resolve({ open: () => Promise.resolve(replica()) }),
    {
      kill: async (channel) => {
        const rows = await admin.query<{ killed: boolean }>(
          `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
            WHERE application_name = $1 AND query ILIKE 'LISTEN%'`,
          [names.get(channel)],
        );
        if (rows.length !== 1 || !rows[0]!.killed)
          throw new Error(`expected one listening backend to kill, found ${rows.length}`);
      },
    },
  );

  it('drops a notice too large for NOTIFY with a clear event, and keeps working', async () => {
    const events: LiveChannelEvent[] = [];
    const channel = replica({ onEvent: (event) => events.push(event) });
    try {
      const topic = `big:${uniqueSuffix()}`;
      const heard: string[] = [];
      await channel.subscribe(topic, (payload) => heard.push(payload));
      await expect(channel.publish(topic, 'x'.repeat(notifyPayloadLimit))).resolves.toBeUndefined();
      expect(events).toContainEqual({
        type: 'payload-too-large',
        topic,
        bytes: notifyPayloadLimit + topic.length + 7,
        limit: notifyPayloadLimit,
      });
      await channel.publish(topic, 'small');
      await vi.waitFor(() => expect(heard).toEqual(['small']), { timeout: 10_000 });
    } finally {
      await channel.close();
    }
  });

  it('accepts a notice right at the limit', async () => {
    const channel = replica();
    try {
      const topic = `edge:${uniqueSuffix()}`;
      const payload = 'é'.repeat((notifyPayloadLimit - topic.length - 7) / 2);
      expect(Buffer.byteLength(JSON.stringify([topic, payload]))).toBeLessThanOrEqual(
        notifyPayloadLimit,
      );
      const heard: string[] = [];
      await channel.subscribe(topic, (payload) => heard.push(payload));
      await channel.publish(topic, payload);
      await vi.waitFor(() => expect(heard).toEqual([payload]), { timeout: 10_000 });
    } finally {
      await channel.close();
    }
  });

  it('reports a failed NOTIFY instead of throwing', async () => {
    const events: LiveChannelEvent[] = [];
    const closedPool = new PgPoolSqlClient({ url, poolSize: 1 });
    await closedPool.close();
    const channel = new PostgresLiveChannel({
      url,
      sql: closedPool,
      channel: `live_${run}`,
      onEvent: (event) => events.push(event),
    });
    await expect(channel.publish('t', 'p')).resolves.toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['publish-failed']);
    await channel.close();
  });

  it('resolves a subscribe after its bounded wait when the server cannot be reached, and says so', async () => {
    const events: LiveChannelEvent[] = [];
    const unreachable = new URL(url);
    unreachable.port = '1';
    const channel = new PostgresLiveChannel({
      url: unreachable.toString(),
      sql: admin,
      channel: `live_${run}`,
      subscribeTimeoutMs: 200,
      reconnect: { initialMs: 50, maxMs: 100 },
      onEvent: (event) => events.push(event),
    });
    try {
      await channel.subscribe('board:1', () => undefined);
      expect(events).toContainEqual({ type: 'subscribe-pending', topic: 'board:1' });
      expect(events.map((event) => event.type)).toContain('connection-lost');
    } finally {
      await channel.close();
    }
  });

  it('refuses a channel name that is not a plain identifier', () => {
    expect(
      () => new PostgresLiveChannel({ url, sql: admin, channel: 'live"; DROP TABLE x; --' }),
    ).toThrow(/plain lower-case identifier/);
  });
});
