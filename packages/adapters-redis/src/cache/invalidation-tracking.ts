import { Redis } from 'ioredis';
import type { RedisEventListener } from '../fail-open/events.js';
import type { LocalTier } from './local-tier.js';

/** A {@link LocalTier} and the keys it copies. @category Adapters */
export interface TrackedTier {
  readonly tier: LocalTier<unknown>;
  /** Changes of keys under this prefix drop the matching entries (the tier's keys are full Redis keys). */
  readonly keyPrefix: string;
  /** A key whose change empties the whole tier (the cache generation, the revocations' `since` marker). */
  readonly resetKey: string;
}

/** Where {@link InvalidationTracking} listens and what it watches. @category Adapters */
export interface InvalidationTrackingOptions {
  /** The Redis server (a second connection is opened to it for the invalidation messages). */
  readonly url: string;
  /** The tiers kept true; their prefixes and reset keys must not overlap (Redis refuses that). */
  readonly tiers: readonly TrackedTier[];
  /** The listening connection's name (`CLIENT LIST`). Default: the first tier's prefix + `invalidations`. */
  readonly connectionName?: string;
  readonly connectTimeoutMs?: number;
  /** Longest a tier waits for a proof of delivery it asked for (ms). Default 50. */
  readonly proofTimeoutMs?: number;
  readonly onEvent?: RedisEventListener;
}

const channel = '__redis__:invalidate';

/**
 * Keeps {@link LocalTier}s true to Redis with Redis' server-assisted client-side caching:
 * `CLIENT TRACKING ON REDIRECT <listener> BCAST PREFIX … NOLOOP` on the cache's connection
 * makes Redis send, on a second connection subscribed to `__redis__:invalidate`, the name of
 * every key under the prefixes that any other client changes, expires or evicts (this
 * process' own changes it handles itself, synchronously: NOLOOP). A change of a tier's reset
 * key empties that tier.
 *
 * The tiers are enabled only while both connections are up and tracking is on; any doubt (a
 * connection closing, tracking failing to start) disables them, which also empties them, so
 * a change that happened while no one listened can never be served from them. Tracking is
 * set up again whenever either connection comes back.
 *
 * Proof of delivery: when a tier's lease runs low it asks for a PING on the listening
 * connection. Redis answers it after every invalidation message it wrote to that connection
 * before, so once the answer is in, every change Redis had acknowledged to its writer before
 * the PING was sent has reached the tiers ({@link LocalTier.confirm}). A listener that died
 * silently, or a Redis that hangs, answers no PING: the tiers stop answering when their lease
 * runs out.
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
  private pinging: Promise<void> | undefined;

  constructor(
    private readonly cacheClient: Redis,
    private readonly options: InvalidationTrackingOptions,
  ) {
    const name = options.connectionName ?? `${options.tiers[0]?.keyPrefix ?? ''}invalidations`;
    this.listener = new Redis(options.url, {
      protocol: 2,
      connectionName: name.replace(/[^A-Za-z0-9:_.-]/g, '_'),
      connectTimeout: options.connectTimeoutMs ?? 1_000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A PING of a connection that is gone proves nothing: never replay it on the next one.
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
      // start() subscribes itself, after asking the connection's id (not allowed once subscribed).
      autoResubscribe: false,
    });
    this.listener.on('error', (error: unknown) =>
      options.onEvent?.({ type: 'connection-error', error }),
    );
    this.listener.on('messageBuffer', (from: Buffer, keys: unknown) =>
      this.onInvalidation(from, keys),
    );
    this.listener.on('close', () => {
      this.subscribed = false;
    });
    for (const client of [this.listener, this.cacheClient]) {
      client.on('close', () => this.disableAll());
      client.on('ready', () => this.restart());
    }
    for (const { tier } of options.tiers) tier.keepAlive = () => this.ping();
    if (this.cacheClient.status === 'ready') this.restart();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.disableAll();
    // A start in flight would switch tracking on a connection that is closing.
    while (this.starting) await this.starting.catch(() => undefined);
    this.listener.disconnect();
  }

  private disableAll(): void {
    for (const { tier } of this.options.tiers) tier.disable();
  }

  /**
   * Asks the listener for a proof that every message sent before now has arrived; one PING at
   * a time, shared by every caller, settled when it is answered or after `proofTimeoutMs`.
   */
  private ping(): Promise<void> {
    if (this.pinging) return this.pinging;
    if (!this.subscribed || this.listener.status !== 'ready') return Promise.resolve();
    const sentAt = Date.now();
    const answered = this.listener.ping().then(
      () => {
        if (this.subscribed) for (const { tier } of this.options.tiers) tier.confirm(sentAt);
      },
      () => undefined,
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.proofTimeoutMs ?? 50);
      timer.unref();
    });
    // A PING that outlives its deadline is not sent again until it is answered (a hung Redis
    // would pile them up), but callers stop waiting for it.
    const settled = Promise.race([answered, deadline]).finally(() => clearTimeout(timer));
    this.pinging = settled;
    void answered.finally(() => {
      if (this.pinging === settled) this.pinging = undefined;
    });
    return settled;
  }

  private onInvalidation(from: Buffer, keys: unknown): void {
    if (from.toString() !== channel) return;
    // A null message means Redis flushed its tracking state (FLUSHALL, tracking table full).
    if (!Array.isArray(keys)) {
      for (const { tier } of this.options.tiers) tier.clear();
      return;
    }
    const names = keys.map((key) => String(key));
    for (const { tier, resetKey } of this.options.tiers) {
      // Names of other tiers' keys are simply not found: prefixes do not overlap.
      if (names.includes(resetKey)) tier.clear();
      else tier.invalidate(names);
    }
  }

  /** (Re)starts tracking; concurrent calls run it once more after the one in flight. */
  private restart(): void {
    if (this.closed) return;
    this.disableAll();
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
      // A subscribed RESP2 connection answers nothing but (un)subscriptions and PING: leave first.
      if (this.subscribed) {
        await this.listener.unsubscribe(channel);
        this.subscribed = false;
      }
      const since = Date.now();
      const id = String(await this.listener.client('ID'));
      await this.listener.subscribe(channel);
      this.subscribed = true;
      // Options cannot be changed on a tracking connection: switch it off first.
      await this.cacheClient.client('TRACKING', 'OFF');
      const prefixes = this.options.tiers.flatMap(({ keyPrefix, resetKey }) => [
        'PREFIX',
        keyPrefix,
        'PREFIX',
        resetKey,
      ]);
      await this.cacheClient.client(
        'TRACKING',
        'ON',
        'REDIRECT',
        id,
        'BCAST',
        ...prefixes,
        'NOLOOP',
      );
      if (
        !this.closed &&
        !this.again &&
        this.listener.status === 'ready' &&
        this.cacheClient.status === 'ready'
      ) {
        for (const { tier } of this.options.tiers) tier.enable(since);
      }
    } catch (error) {
      this.disableAll();
      this.options.onEvent?.({ type: 'connection-error', error });
    }
  }
}
