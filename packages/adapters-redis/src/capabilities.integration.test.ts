import { createTestRedisSearch, isSkip } from '@doctorly/test-support';
import { describe, expect, it } from 'vitest';
import { detectRedisCapabilities } from './capabilities.js';
import { unusedPort } from './testing/fault-proxy.js';
import { hasRedisServerBinary, RedisServerProcess } from './testing/redis-server.js';

const canSpawnRedis = await hasRedisServerBinary();
const stack = await createTestRedisSearch();

describe('detectRedisCapabilities', () => {
  it('finds neither on an unreachable server, with the error as reason', async () => {
    const found = await detectRedisCapabilities(`redis://127.0.0.1:${await unusedPort()}`, 500);
    expect(found).toMatchObject({ search: false, json: false });
    expect(found.reason).toMatch(/^Redis unreachable: /);
  });

  it.skipIf(!canSpawnRedis)(
    'finds neither on a plain redis-server, and says what is missing',
    async () => {
      const server = new RedisServerProcess(await unusedPort());
      await server.start();
      try {
        const found = await detectRedisCapabilities(server.url);
        expect(found).toMatchObject({ search: false, json: false });
        expect(found.reason).toMatch(
          /^Missing the Query Engine \(FT\.\*\) and RedisJSON \(JSON\.\*\)/,
        );
      } finally {
        await server.kill();
      }
    },
  );

  it.skipIf(isSkip(stack))('finds both on a Redis with the Query Engine', async () => {
    if (isSkip(stack)) return;
    const found = await detectRedisCapabilities(stack.url);
    expect(found).toMatchObject({ search: true, json: true });
    await stack.dispose();
  });
});
