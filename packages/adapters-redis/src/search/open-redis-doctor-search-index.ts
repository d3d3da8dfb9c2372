import { createClient } from 'redis';
import { RedisDoctorSearchIndex, type SearchRedisClient } from './redis-doctor-search-index.js';

/** What {@link openRedisDoctorSearchIndex} needs of the Redis adapters' configuration. @category Adapters */
export interface SearchIndexConnection {
  readonly url: string;
  readonly prefix: string;
  readonly connectTimeoutMs?: number;
  readonly onError: (error: unknown) => void;
}

/** The Query Engine index and the way to close its node-redis client. @category Adapters */
export interface OpenedSearchIndex {
  readonly index: RedisDoctorSearchIndex;
  close(): Promise<void>;
}

/**
 * Opens a node-redis v4 client for redis-om (shared/STACK.md, trap 6) and the index over it,
 * or `undefined` if it cannot connect. A module of its own: `createRedisAdapters` imports it
 * (and so node-redis and redis-om) only when the server has the Query Engine. Tests and the
 * bench open one the same way to drop the index they made ({@link RedisDoctorSearchIndex.drop}).
 * @category Adapters
 */
export async function openRedisDoctorSearchIndex(
  connection: SearchIndexConnection,
): Promise<OpenedSearchIndex | undefined> {
  const connectTimeoutMs = connection.connectTimeoutMs ?? 2_000;
  const client: SearchRedisClient = createClient({
    url: connection.url,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), 2_000),
    },
  });
  // node-redis throws from an 'error' event nobody listens to: report it instead.
  client.on('error', connection.onError);
  let timer: NodeJS.Timeout | undefined;
  const connected = await Promise.race([
    client.connect().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), connectTimeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  if (!connected) {
    await client.disconnect().catch(() => undefined);
    return undefined;
  }
  return {
    index: new RedisDoctorSearchIndex(client, { prefix: connection.prefix }),
    close: () =>
      client.quit().then(
        () => undefined,
        () => client.disconnect(),
      ),
  };
}
