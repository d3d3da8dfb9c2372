import { describeDoctorSearchIndexContract, upsertSeeder } from '@doctorly/core/testing';
import { createTestRedisSearch, isSkip } from '@doctorly/test-support';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisDoctorSearchIndex, type SearchRedisClient } from './redis-doctor-search-index.js';

const target = await createTestRedisSearch();
const now = new Date('2026-01-05T09:00:00.000Z');

async function connect(url: string): Promise<SearchRedisClient> {
  const client = createClient({ url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

if (isSkip(target)) {
  describe('DoctorSearchIndex contract: RedisDoctorSearchIndex', () =>
    it.skip(target.reason, () => {}));
  describe('RedisDoctorSearchIndex.drop() and state()', () => it.skip(target.reason, () => {}));
} else {
  afterAll(() => target.dispose());

  describeDoctorSearchIndexContract('RedisDoctorSearchIndex', async () => {
    const client = await connect(target.url);
    const index = new RedisDoctorSearchIndex(client, { prefix: `${target.prefix}contract:` });
    return {
      index,
      seed: upsertSeeder(index, now),
      close: async () => {
        // The index and its documents: nothing of this file is left on the server.
        await index.drop();
        await client.quit();
      },
    };
  });

  describe('RedisDoctorSearchIndex.drop() and state()', () => {
    let client: SearchRedisClient;
    let index: RedisDoctorSearchIndex;

    beforeAll(async () => {
      client = await connect(target.url);
      index = new RedisDoctorSearchIndex(client, { prefix: `${target.prefix}drop:` });
    });
    afterAll(async () => {
      await index?.drop();
      await client?.quit();
    });

    const indexes = async () => (await client.sendCommand<string[]>(['FT._LIST'])).map(String);

    it('counts what was written, then drops the index, its documents and its hash', async () => {
      await index.prepare();
      const views = await upsertSeeder(
        index,
        now,
      )([{ name: 'Zara Khan' }, { name: 'Omar Farooq' }]);
      expect(await index.state()).toMatchObject({ documents: 2, indexing: false, failures: 0 });

      await index.drop();
      expect(await indexes()).not.toContain(index.names.indexName);
      const keys = [
        index.names.indexHashName,
        ...views.map((v) => `${index.names.schemaName}:${v.id}`),
      ];
      expect(await client.exists(keys)).toBe(0);
      await expect(index.state()).rejects.toThrow();
      // Dropping again is not an error: there is nothing left to drop.
      await expect(index.drop()).resolves.toBeUndefined();
    });

    it('is created afresh by prepare() after a drop, empty', async () => {
      await index.prepare();
      await index.drop();
      await index.prepare();
      expect(await indexes()).toContain(index.names.indexName);
      expect(await index.state()).toMatchObject({ documents: 0 });
      expect(await index.ids()).toEqual([]);
    });
  });
}
