import { Redis } from 'ioredis';
import type { RedisEventListener } from '../fail-open/events.js';
import type { LocalTier } from './local-tier.js';

/** Where {@link InvalidationTracking} listens and what it watches. @category Adapters */
export interface InvalidationTrackingOptions {
  /** The Redis server (a second connection is opened to it for the invalidation messages). */
  readonly url: string;
  /** Key prefixes whose changes empty the matching local entries (the cache's entry keys). */
  readonly entryPrefix: string;
  /** A key whose change empties the whole local tier (the cache generation). */
  readonly generationKey: string;
  readonly connectTimeoutMs?: number;
  readonly onEvent?: RedisEventListener;
}

const channel = '__redis__:invalidate';

/**
 * Keeps a {@link LocalTier} true to Redis with Redis' server-assisted client-side caching:
 * `CLIENT TRACKING ON REDIRECT <listener> BCAST PREFIX … NOLOOP` on the cache's connection
 * makes Redis send, on a second connection subscribed to `__redis__:invalidate`, the name of
 * every key under the prefixes that any other client changes, expires or evicts (this
 * process' own changes it handles itself, synchronously: NOLOOP). A change of the generation
 * key empties the tier.
 *
 * The tier is enabled only while both connections are up and tracking is on; any doubt (a
 * connection closing, tracking failing to start) disables it, which also empties it, so a
 * change that happened while no one listened can never be served from it. Tracking is set
 * up again whenever either connection comes back.
 *
 * The listener speaks RESP2: under RESP3 Redis sends invalidations as `invalidate` push
 * frames, which ioredis drops.
 * @category Adapters
 */
export class InvalidationTracking {
  private readonly listener: Redis;
  private subscribed = false;
  private starting: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly cacheClient: Redis,
    private readonly tier: LocalTier,
    private readonly options: InvalidationTrackingOptions,
  ) {
    this.listener = new Redis(options.url, {
      protocol: 2,
      connectionName: `${options.entryPrefix.replace(/[^A-Za-z0-9:_.-]/g, '_')}invalidations`,
      connectTimeout: options.connectTimeoutMs ?? 1_000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
      // start() subscribes itself, after asking the connection's id (not allowed once subscribed).
      autoResubscribe: false,
    });
    this.listener.on('error', (error: unknown) => options.onEvent?.({ type: 'connection-error', error }));
    this.listener.on('messageBuffer', (from: Buffer, keys: unknown) => this.onInvalidation(from, keys));
    this.listener.on('close', () => {
      this.subscribed = false;
    });
    for (const client of [this.listener, this.cacheClient]) {
      client.on('close', () => this.tier.disable());
      client.on('ready', () => this.restart());
    }
    if (this.cacheClient.status === 'ready') this.restart();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.tier.disable();
    // A start in flight would switch tracking on a connection that is closing.
    while (this.starting) await this.starting.catch(() => undefined);
    this.listener.disconnect();
  }

  private onInvalidation(from: Buffer, keys: unknown): void {
    if (from.toString() !== channel) return;
    // A null message means Redis flushed its tracking state (FLUSHALL, tracking table full).
    if (!Array.isArray(keys)) {
      this.tier.clear();
      return;
    }
    const names = keys.map((key) => String(key));
    if (names.includes(this.options.generationKey)) this.tier.clear();
    else this.tier.invalidate(names);
  }

  /** (Re)starts tracking; concurrent calls run it once more after the one in flight. */
  private restart(): void {
    if (this.closed) return;
    this.tier.disable();
    if (this.starting) {
      this.again = true;
      return;
    }
    this.starting = this.start().finally(() => {
      this.starting = undefined;
      if (this.again) {
        this.again = false;
        this.restart();
      }
    });
  }

  private async start(): Promise<void> {
    if (this.listener.status !== 'ready' || this.cacheClient.status !== 'ready') return;
    try {
      // A subscribed RESP2 connection answers nothing but (un)subscriptions: leave first.
      if (this.subscribed) {
        await this.listener.unsubscribe(channel);
        this.subscribed = false;
      }
      const id = String(await this.listener.client('ID'));
      await this.listener.subscribe(channel);
      this.subscribed = true;
      // Options cannot be changed on a tracking connection: switch it off first.
      await this.cacheClient.client('TRACKING', 'OFF');
      await this.cacheClient.client(
        'TRACKING', 'ON', 'REDIRECT', id, 'BCAST',
        'PREFIX', this.options.entryPrefix, 'PREFIX', this.options.generationKey, 'NOLOOP',
      );
      if (!this.closed && !this.again && this.listener.status === 'ready' && this.cacheClient.status === 'ready') {
        this.tier.enable();
      }
    } catch (error) {
      this.tier.disable();
      this.options.onEvent?.({ type: 'connection-error', error });
    }
  }
}
