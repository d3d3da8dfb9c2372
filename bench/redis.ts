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
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    const indexes = (await redis.call('FT._LIST').catch(() => [])) as string[];
    for (const index of indexes.filter((i) => i.startsWith(prefix)))
      await redis.call('FT.DROPINDEX', index).catch(() => undefined);
  } catch (error) {
    log(`could not clear ${prefix}* in Redis: ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}
