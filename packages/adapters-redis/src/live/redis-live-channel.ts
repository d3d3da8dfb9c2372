import {
  reportLiveEvent,
  TopicListeners,
  type LiveChannel,
  type LiveChannelEventListener,
  type LiveSubscription,
} from '@doctorly/core';
import { Redis } from 'ioredis';
import type { FailOpenRedis } from '../fail-open/fail-open-redis.js';

/** Configuration of {@link RedisLiveChannel}. @category Adapters */
export interface RedisLiveChannelOptions {
  /** The server; the subscriber connection is opened to it on the first subscribe. */
  readonly url: string;
  /** The adapters' normal connection, on which notices are published (under its deadline and breaker). */
  readonly publisher: FailOpenRedis;
  /** Put before every channel name (several apps or tests on one Redis). Default `''`. */
  readonly prefix?: string;
  /** The subscriber connection's name (`CLIENT LIST`). Default `<prefix>live`. */
  readonly connectionName?: string;
  readonly connectTimeoutMs?: number;
  /** Longest a subscribe waits for Redis' confirmation before resolving pending. Default 5000 ms. */
  readonly subscribeTimeoutMs?: number;
  readonly onEvent?: LiveChannelEventListener;
}

/**
 * {@link LiveChannel} over Redis pub/sub, for replicas that share a Redis. Each process holds
 * one dedicated subscriber connection (opened on the first subscribe: a process that only
 * publishes, like the worker, holds none) with one Redis subscription per topic that has
 * local listeners: {@link TopicListeners} counts them, so 500 browsers on one board cost one
 * `SUBSCRIBE`, and the last one leaving sends `UNSUBSCRIBE`. ioredis re-subscribes every
 * channel after a reconnect (capped back-off); notices sent while the connection was down
 * are lost to this process (receivers re-read state, so the next notice repairs that).
 * Notices are published on the adapters' normal connection: a slow or dead Redis makes
 * `publish` give up at that connection's deadline, never throw.
 * @category Adapters
 */
export class RedisLiveChannel implements LiveChannel {
  private readonly prefix: string;
  private readonly listeners: TopicListeners;
  private subscriber: Redis | undefined;
  private closed = false;

  constructor(private readonly options: RedisLiveChannelOptions) {
    this.prefix = `${options.prefix ?? ''}live:`;
    const timeoutMs = options.subscribeTimeoutMs ?? 5_000;
    this.listeners = new TopicListeners(
      {
        start: async (topic) => {
          if (this.closed) return;
          const subscribed = this.connection().subscribe(this.prefix + topic);
          if (!(await settlesWithin(subscribed, timeoutMs)))
            reportLiveEvent(options.onEvent, { type: 'subscribe-pending', topic });
        },
        stop: async (topic) => {
          // An unsubscribe after close must not open a new connection.
          if (this.closed) return;
          await settlesWithin(
            this.connection()
              .unsubscribe(this.prefix + topic)
              .catch(() => undefined),
            timeoutMs,
          );
        },
      },
      options.onEvent,
    );
  }

  async publish(topic: string, payload: string): Promise<void> {
    if (this.closed) return;
    const outcome = await this.options.publisher.run('live.publish', (client) =>
      client.publish(this.prefix + topic, payload),
    );
    if (!outcome.ok)
      reportLiveEvent(this.options.onEvent, {
        type: 'publish-failed',
        topic,
        error: new Error(`Redis PUBLISH ${outcome.reason}`),
      });
  }

  async subscribe(topic: string, listener: (payload: string) => void): Promise<LiveSubscription> {
    if (this.closed) throw new Error('RedisLiveChannel is closed');
    const remove = await this.listeners.add(topic, listener);
    return { unsubscribe: remove };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (!subscriber || subscriber.status === 'end') return;
    const ended = new Promise<void>((resolve) => subscriber.once('end', () => resolve()));
    subscriber.disconnect();
    await settlesWithin(ended, 1_000);
  }

  /** The subscriber connection, opened on first use. */
  private connection(): Redis {
    if (this.subscriber) return this.subscriber;
    const name = this.options.connectionName ?? `${this.options.prefix ?? ''}live`;
    const subscriber = new Redis(this.options.url, {
      // RESP2: a plain subscriber connection, the shape every Redis version speaks.
      protocol: 2,
      connectionName: name.replace(/[^A-Za-z0-9:_.-]/g, '_'),
      connectTimeout: this.options.connectTimeoutMs ?? 1_000,
      // A SUBSCRIBE issued while Redis is down waits for the connection instead of failing.
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      autoResubscribe: true,
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
    });
    let wasReady = false;
    subscriber.on('ready', () => {
      if (wasReady) reportLiveEvent(this.options.onEvent, { type: 'listening' });
      wasReady = true;
    });
    subscriber.on('close', () => {
      if (wasReady && !this.closed)
        reportLiveEvent(this.options.onEvent, {
          type: 'connection-lost',
          error: new Error('Redis subscriber connection closed'),
        });
    });
    // Reported through 'close'; without a listener an 'error' would crash the process.
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel.startsWith(this.prefix))
        this.listeners.deliver(channel.slice(this.prefix.length), message);
    });
    this.subscriber = subscriber;
    return subscriber;
  }
}

/** Whether `work` settles within `ms`; a rejection still rejects. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
