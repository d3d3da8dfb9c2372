import type { DoctorSearchQuery } from '@doctorly/core';
import { InMemoryDoctorSearchIndex, upsertSeeder } from '@doctorly/core/testing';
import { createTestRedis, isSkip } from '@doctorly/test-support';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import type { RedisAdapterEvent } from '../fail-open/events.js';
import { FaultProxy } from '../testing/fault-proxy.js';
import { DoctorSearchIndexWithFallback } from './doctor-search-index-with-fallback.js';
import { RedisDoctorSearchIndex } from './redis-doctor-search-index.js';

const target = await createTestRedis();
const query: DoctorSearchQuery = { name: 'zara', sort: 'name', order: 'asc', limit: 10, offset: 0 };

// The primary is a real RedisDoctorSearchIndex on a Redis without the Query Engine: every
// FT.SEARCH fails there, as it would on a Redis Stack that went away.
describe.skipIf(isSkip(target))('DoctorSearchIndexWithFallback', () => {
  if (isSkip(target)) return;
  afterAll(() => target.dispose());

  async function fallbackWithDoctors(): Promise<InMemoryDoctorSearchIndex> {
    const fallback = new InMemoryDoctorSearchIndex();
    await upsertSeeder(
      fallback,
      new Date('2026-01-05T09:00:00.000Z'),
    )([{ name: 'Zara Khan' }, { name: 'Bilal Ahmed' }]);
    return fallback;
  }

  it('answers from the fallback when the primary fails, and stops asking it once open', async () => {
    const client = createClient({ url: target.url });
    client.on('error', () => {});
    await client.connect();
    try {
      const events: RedisAdapterEvent[] = [];
      const primary = new RedisDoctorSearchIndex(client, { prefix: target.prefix });
      const index = new DoctorSearchIndexWithFallback(primary, await fallbackWithDoctors(), {
        breaker: { failureThreshold: 2, coolDownMs: 60_000 },
        onEvent: (e) => events.push(e),
      });
      for (let i = 0; i < 3; i += 1) {
        const page = await index.search(query);
        expect(page.items.map((d) => d.user.name)).toEqual(['Zara Khan']);
      }
      expect(events.filter((e) => e.type === 'failure')).toHaveLength(2);
      expect(events).toContainEqual({ type: 'state', state: 'open' });
      expect(events.filter((e) => e.type === 'fallback')).toHaveLength(3);
      expect(index.engine).toBe('redis');
      // Writes and reconciliation reads go to the primary only: their errors are the caller's.
      await expect(index.ids()).rejects.toThrow();
    } finally {
      await client.quit();
    }
  });

  it('answers from the fallback within the deadline when the primary hangs', async () => {
    const upstream = new URL(target.url);
    const proxy = await FaultProxy.start(upstream.hostname, Number(upstream.port || 6379));
    const client = createClient({ url: proxy.url });
    client.on('error', () => {});
    await client.connect();
    try {
      proxy.hang();
      const index = new DoctorSearchIndexWithFallback(
        new RedisDoctorSearchIndex(client, { prefix: target.prefix }),
        await fallbackWithDoctors(),
        { timeoutMs: 100 },
      );
      const started = performance.now();
      const page = await index.search(query);
      expect(performance.now() - started).toBeLessThan(400);
      expect(page.total).toBe(1);
    } finally {
      await client.disconnect();
      await proxy.close();
    }
  });
});
