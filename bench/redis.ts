import { Redis } from 'ioredis';

/** Deletes the bench's keys (its own prefix) and search indexes from a Redis; logs instead of failing. */
export async function clearRedis(
  url: string | undefined,
  prefix: string,
  log: (line: string) => void,
): Promise<void> {
  if (!url) return;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    // Indexes first, with their documents (DD): an index is not a key, and one left behind
    // would outlive its documents on the user's Redis Stack.
    const indexes = (await redis.call('FT._LIST').catch(() => [])) as unknown[];
    for (const index of indexes.map(String).filter((i) => i.startsWith(prefix)))
      await redis.call('FT.DROPINDEX', index, 'DD').catch(() => undefined);
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } catch (error) {
    log(`could not clear ${prefix}* in Redis: ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

/**
 * Throws unless the Redis at `url` holds no key under `prefix`: the bench measures a fresh
 * Redis, as a new deployment has it (no revocation marker, no cache), and says so only
 * after checking it. One SCAN of the prefix, before any server starts.
 */
export async function assertFreshPrefix(url: string | undefined, prefix: string): Promise<void> {
  if (!url) return;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0)
        throw new Error(
          `Redis at ${url} already holds keys under ${prefix} (${keys.slice(0, 3).join(', ')} …): the bench measures a fresh prefix`,
        );
      cursor = nextCursor;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
