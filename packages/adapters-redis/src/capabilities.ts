import { Redis } from 'ioredis';

/** What a Redis server offers beyond plain Redis, and why it was judged so. @category Adapters */
export interface RedisCapabilities {
  /** The Query Engine (RediSearch ≥ 2.6, for JSON indexes with `[*]` array paths). */
  readonly search: boolean;
  /** RedisJSON. */
  readonly json: boolean;
  /** A sentence for the start-up log: what was found, or what is missing. */
  readonly reason: string;
}

/** RediSearch 2.6 (20600) is the oldest checked with our JSON schema (shared/STACK.md, trap 6). */
const minimumSearchVersion = 20_600;

/**
 * Finds out whether the Redis at `url` has the Query Engine and RedisJSON: `MODULE LIST` for
 * names and versions (Redis Stack, or Redis 8 where both are built in), then a probe of
 * `FT._LIST` and `JSON.TYPE`, which also works where `MODULE LIST` is not allowed (managed
 * Redis, ACLs). Never throws: an unreachable server has neither, with the error as reason.
 * The composition root uses Redis search only when both are `true`.
 * @category Adapters
 */
export async function detectRedisCapabilities(
  url: string,
  timeoutMs = 2_000,
): Promise<RedisCapabilities> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const modules = await moduleVersions(client);
    const search = await answers(client, ['FT._LIST']);
    const json = await answers(client, ['JSON.TYPE', `doctorly:capability-probe:${Date.now()}`]);
    const searchVersion = modules.get('search') ?? modules.get('ft');
    const searchRecent = searchVersion === undefined || searchVersion >= minimumSearchVersion;
    const found =
      [...modules].map(([name, ver]) => `${name} ${ver}`).join(', ') || 'no modules listed';
    const missing = [
      !search && 'the Query Engine (FT.*)',
      search && !searchRecent && `RediSearch ≥ 2.6 (found ${searchVersion})`,
      !json && 'RedisJSON (JSON.*)',
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      search: search && searchRecent,
      json,
      reason:
        missing === ''
          ? `Redis Query Engine and RedisJSON available (${found}).`
          : `Missing ${missing} (${found}).`,
    };
  } catch (error) {
    return {
      search: false,
      json: false,
      reason: `Redis unreachable: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    client.disconnect();
  }
}

/** Module name (lower case) → version, from `MODULE LIST`; empty when not allowed. */
async function moduleVersions(client: Redis): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  try {
    const reply = (await client.call('MODULE', 'LIST')) as unknown[][];
    for (const entry of reply) {
      const fields = new Map<string, unknown>();
      for (let i = 0; i + 1 < entry.length; i += 2) fields.set(String(entry[i]), entry[i + 1]);
      versions.set(String(fields.get('name')).toLowerCase(), Number(fields.get('ver')));
    }
  } catch {
    // MODULE LIST may be renamed or forbidden; the probes decide.
  }
  return versions;
}

/** Whether the server knows a command (any answer but "unknown command" counts). */
async function answers(client: Redis, command: [string, ...string[]]): Promise<boolean> {
  try {
    await client.call(...command);
    return true;
  } catch (error) {
    return !(error instanceof Error && /unknown command|unknown subcommand/i.test(error.message));
  }
}
