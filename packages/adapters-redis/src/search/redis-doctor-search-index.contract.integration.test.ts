import { describeDoctorSearchIndexContract, upsertSeeder } from '@doctorly/core/testing';
import { createTestRedisSearch, isSkip } from '@doctorly/test-support';
import { createClient } from 'redis';
import { describe, it } from 'vitest';
import { RedisDoctorSearchIndex } from './redis-doctor-search-index.js';

const target = await createTestRedisSearch();

if (isSkip(target)) {
  describe('DoctorSearchIndex contract: RedisDoctorSearchIndex', () =>
    it.skip(target.reason, () => {}));
} else {
  describeDoctorSearchIndexContract('RedisDoctorSearchIndex', async () => {
    const client = createClient({ url: target.url });
    client.on('error', () => {});
    await client.connect();
    const index = new RedisDoctorSearchIndex(client, { prefix: target.prefix });
    return {
      index,
      seed: upsertSeeder(index, new Date('2026-01-05T09:00:00.000Z')),
      close: async () => {
        await client.sendCommand(['FT.DROPINDEX', index.names.indexName]).catch(() => undefined);
        await client.quit();
        await target.dispose();
      },
    };
  });
}
