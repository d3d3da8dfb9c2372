import { reportLiveEvent, type LiveChannelEventListener } from '@doctorly/core';
import type pg from 'pg';

/** How {@link ListenConnection} opens and keeps its connection. */
export interface ListenConnectionOptions {
  /** A plain identifier (checked by the caller), so it can be written into `LISTEN` as is. */
  readonly channel: string;
  readonly newClient: () => pg.Client;
  readonly onNotification: (payload: string) => void;
  readonly reconnect: { readonly initialMs: number; readonly maxMs: number };
  readonly onEvent?: LiveChannelEventListener;
}

/**
 * One connection LISTENing on one channel, opened on first need and reopened (with doubling
 * back-off) whenever it dies, until closed. A node-postgres client that loses its server emits
 * `error` and `end`, possibly both: the first one seen replaces it, the other is ignored.
 */
export class ListenConnection {
  private client: pg.Client | undefined;
  private started = false;
  private closed = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private waiters = new Set<(up: boolean) => void>();

  constructor(private readonly options: ListenConnectionOptions) {}

  /** Opens the connection if needed; resolves `true` once it LISTENs, `false` after `timeoutMs` without. */
  listening(timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.client) return Promise.resolve(true);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return new Promise<boolean>((resolve) => {
      const done = (up: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(up);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      timer.unref();
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    for (const waiter of [...this.waiters]) waiter(false);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = this.options.newClient();
    // Registered before connecting: an unheard 'error' would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('listening connection ended')));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel && message.payload !== undefined)
        this.options.onNotification(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      reportLiveEvent(this.options.onEvent, { type: 'connection-lost', error });
      this.retry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempts = 0;
    reportLiveEvent(this.options.onEvent, { type: 'listening' });
    for (const waiter of [...this.waiters]) waiter(true);
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.client || this.closed) return;
    this.client = undefined;
    reportLiveEvent(this.options.onEvent, { type: 'connection-lost', error });
    void client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.closed) return;
    const { initialMs, maxMs } = this.options.reconnect;
    const delay = Math.min(initialMs * 2 ** this.attempts, maxMs);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
