import { Redis } from 'ioredis';
import { hasDocker } from './docker.js';
import { uniqueSuffix } from './names.js';

/** A Redis a test file may use, and the key prefix that everything it writes must carry. */
export interface TestRedis {
  url: string;
  /** Every key (and search index) the test creates starts with this. */
  prefix: string;
  source: string;
  /** Drops every search index named under `prefix` (with its documents), then deletes every key under it. */
  dispose(): Promise<void>;
}

/** Why Redis tests were skipped, or `undefined` when they run. */
export type Skip = { reason: string };

/**
 * A plain Redis for the calling test file: `REDIS_URL`, else a testcontainers Redis Stack when
 * Docker is available, else a skip reason. Prints one line when skipping.
 */
export async function createTestRedis(): Promise<TestRedis | Skip> {
  return provision('REDIS_URL', 'Redis');
}

/**
 * A Redis with the Query Engine (RediSearch + RedisJSON): `REDIS_SEARCH_URL`, else a
 * testcontainers Redis Stack, else a skip reason. A plain `REDIS_URL` is not enough.
 */
export async function createTestRedisSearch(): Promise<TestRedis | Skip> {
  return provision('REDIS_SEARCH_URL', 'Redis Query Engine');
}

/** Narrows a provisioning result to a usable Redis. */
export function isSkip(target: TestRedis | Skip): target is Skip {
  return 'reason' in target;
}

async function provision(variable: string, what: string): Promise<TestRedis | Skip> {
  const fromEnv = process.env[variable];
  if (fromEnv) return onServer(fromEnv, variable, async () => {});
  if (await hasDocker()) {
    const { GenericContainer } = await import('testcontainers');
    const container = await new GenericContainer('redis/redis-stack-server:latest')
      .withExposedPorts(6379)
      .start();
    const url = `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
    return onServer(url, 'testcontainers', async () => {
      await container.stop();
    });
  }
  const reason = `${what} tests skipped: ${variable} is unset and no Docker runtime was found for testcontainers.`;
  console.warn(`[skip] ${reason}`);
  return { reason };
}

function onServer(url: string, source: string, stop: () => Promise<void>): TestRedis {
  const prefix = `test:${uniqueSuffix()}:`;
  return {
    url,
    prefix,
    source,
    dispose: async () => {
      await deleteByPrefix(url, prefix);
      await stop();
    },
  };
}

/**
 * SCAN is fine here: this is test clean-up, never a request path. Indexes first: they are not
 * keys, and an index left behind would outlive its documents on a shared Redis Stack (a test
 * that forgot to drop its own still leaves nothing). A Redis without the Query Engine has none.
 */
async function deleteByPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const indexes = (await client.call('FT._LIST').catch(() => [])) as unknown[];
    for (const index of indexes.map(String).filter((name) => name.startsWith(prefix)))
      await client.call('FT.DROPINDEX', index, 'DD').catch((error: unknown) => {
        // Dropped since it was listed (its test's own afterAll): what we wanted.
        if (!(error instanceof Error && /unknown index|no such index/i.test(error.message)))
          throw error;
      });
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
