import {
  reportLiveEvent,
  TopicListeners,
  type LiveChannel,
  type LiveChannelEventListener,
  type LiveSubscription,
} from '@doctorly/core';
import pg from 'pg';
import type { SqlExecutor } from '../sql/sql-client.js';
import { ListenConnection } from './listen-connection.js';

/** Configuration of {@link PostgresLiveChannel}. @category Adapters */
export interface PostgresLiveChannelOptions {
  /** The server the dedicated listening connection opens to (the pool's `DATABASE_URL`). */
  readonly url: string;
  /** Where `NOTIFY` runs: the pool (one short statement per notice). */
  readonly sql: SqlExecutor;
  /** The PostgreSQL channel every topic is multiplexed on. Default `doctorly_live`. */
  readonly channel?: string;
  /** `application_name` of the listening connection. Default `doctorly-live`. */
  readonly applicationName?: string;
  /** Longest a subscribe waits for the listening connection before resolving pending. Default 5000 ms. */
  readonly subscribeTimeoutMs?: number;
  /** Back-off between reconnect attempts: doubles from `initialMs` up to `maxMs`. Default 100 ms → 5 s. */
  readonly reconnect?: { readonly initialMs: number; readonly maxMs: number };
  readonly onEvent?: LiveChannelEventListener;
}

/**
 * PostgreSQL's `NOTIFY` carries at most 7999 bytes of payload (8000 with its terminator, in a
 * default build); a longer one fails the statement.
 */
export const notifyPayloadLimit = 7999;

/**
 * {@link LiveChannel} over PostgreSQL `LISTEN/NOTIFY`, for replicas that share a PostgreSQL
 * server and no Redis. Each process holds one dedicated connection LISTENing on one channel
 * (opened on the first subscribe: a process that only publishes, like the worker, holds
 * none); topics are multiplexed in the payload (`["topic","payload"]`) and fanned out
 * locally by {@link TopicListeners}. `NOTIFY` runs on a pool connection outside any
 * transaction, so it is delivered at once. When the listening connection dies it is reopened
 * with back-off and LISTENs again; notices sent meanwhile are lost to this process (receivers
 * re-read state, so the next one repairs that).
 * @category Adapters
 */
export class PostgresLiveChannel implements LiveChannel {
  private readonly channel: string;
  private readonly listeners: TopicListeners;
  private readonly connection: ListenConnection;
  private closed = false;

  /** @throws Error when `channel` is not a plain lower-case identifier. */
  constructor(private readonly options: PostgresLiveChannelOptions) {
    this.channel = options.channel ?? 'doctorly_live';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.channel))
      throw new Error(
        `PostgresLiveChannel: "${this.channel}" is not a plain lower-case identifier`,
      );
    this.connection = new ListenConnection({
      channel: this.channel,
      newClient: () =>
        new pg.Client({
          connectionString: options.url,
          application_name: options.applicationName ?? 'doctorly-live',
          connectionTimeoutMillis: 10_000,
        }),
      onNotification: (payload) => this.received(payload),
      reconnect: options.reconnect ?? { initialMs: 100, maxMs: 5_000 },
      ...(options.onEvent !== undefined && { onEvent: options.onEvent }),
    });
    const timeoutMs = options.subscribeTimeoutMs ?? 5_000;
    this.listeners = new TopicListeners(
      {
        // One channel for every topic: a topic needs only the connection to be listening.
        start: async (topic) => {
          if (!(await this.connection.listening(timeoutMs)))
            reportLiveEvent(options.onEvent, { type: 'subscribe-pending', topic });
        },
        stop: () => Promise.resolve(),
      },
      options.onEvent,
    );
  }

  async publish(topic: string, payload: string): Promise<void> {
    if (this.closed) return;
    const message = JSON.stringify([topic, payload]);
    const bytes = Buffer.byteLength(message, 'utf8');
    if (bytes > notifyPayloadLimit) {
      reportLiveEvent(this.options.onEvent, {
        type: 'payload-too-large',
        topic,
        bytes,
        limit: notifyPayloadLimit,
      });
      return;
    }
    try {
      await this.options.sql.query('SELECT pg_notify($1, $2)', [this.channel, message]);
    } catch (error) {
      reportLiveEvent(this.options.onEvent, { type: 'publish-failed', topic, error });
    }
  }

  async subscribe(topic: string, listener: (payload: string) => void): Promise<LiveSubscription> {
    if (this.closed) throw new Error('PostgresLiveChannel is closed');
    const remove = await this.listeners.add(topic, listener);
    return { unsubscribe: remove };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.connection.close();
  }

  /** A notice of our channel: `["topic","payload"]`; anything else (a stray NOTIFY) is ignored. */
  private received(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (!Array.isArray(parsed) || parsed.length !== 2) return;
    const [topic, payload] = parsed as unknown[];
    if (typeof topic === 'string' && typeof payload === 'string')
      this.listeners.deliver(topic, payload);
  }
}
