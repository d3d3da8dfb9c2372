import { Redis } from 'ioredis';
import { CircuitBreaker, type BreakerOptions, type BreakerState } from './circuit-breaker.js';
import type { RedisAdapterEvent, RedisEventListener } from './events.js';

/** How the Redis connection behaves under faults. @category Adapters */
export interface FailOpenOptions {
  /** Longest a call may take before the caller gets the fail-open answer. Default 50 ms. */
  readonly commandTimeoutMs?: number;
  /** Longest a TCP connect may take before ioredis retries. Default 1000 ms. */
  readonly connectTimeoutMs?: number;
  readonly breaker?: BreakerOptions;
  readonly onEvent?: RedisEventListener;
}

/** The result of a guarded call: the value, or why the fail-open answer applies. @category Adapters */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'refused' | 'timeout' | 'error' };

/** Counters of guarded calls since start, for metrics. @category Adapters */
export interface FailOpenCounters {
  calls: number;
  failures: number;
  timeouts: number;
  refused: number;
}

const timedOut = Symbol('timed out');

/**
 * One ioredis connection shared by the Redis adapters, with the fail-open rule applied to
 * every call: a deadline (`commandTimeoutMs`, a timer race of our own, so a call that is stuck
 * anywhere still returns on time), commands of one event-loop turn sent together (ioredis
 * auto-pipelining), no offline queue (a call while disconnected fails at once instead of waiting for a reconnect), a
 * capped reconnect back-off, and a {@link CircuitBreaker} that stops calling a dead Redis and
 * lets one probe through after a cool-down. Callers get an {@link Outcome}, never an
 * exception, and decide their own fallback answer.
 * @category Adapters
 */
export class FailOpenRedis {
  /** The ioredis client (for adapters that need commands the guard does not wrap). */
  readonly client: Redis;
  readonly counters: FailOpenCounters = { calls: 0, failures: 0, timeouts: 0, refused: 0 };
  /** When a guarded call last got Redis' answer in time (epoch ms; 0: never). */
  lastAnsweredAt = 0;
  private readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;
  private readonly listener: RedisEventListener;

  constructor(url: string, options: FailOpenOptions = {}) {
    this.timeoutMs = options.commandTimeoutMs ?? 50;
    const listener = options.onEvent ?? (() => {});
    this.listener = (event) => {
      try {
        listener(event);
      } catch {
        // A faulty listener must not turn the fail-open answer into an error.
      }
    };
    this.breaker = new CircuitBreaker(options.breaker, (state) =>
      this.emit({ type: 'state', state }),
    );
    this.client = new Redis(url, {
      // The deadline callers see is ours (withDeadline). ioredis' timer, set a little longer,
      // frees the connection from commands that will never be answered (written to a socket
      // that died): auto-pipelining sends one batch at a time, so such a batch would hold up
      // every command after it.
      commandTimeout: 2 * this.timeoutMs,
      connectTimeout: options.connectTimeoutMs ?? 1_000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A caller that got its fail-open answer has moved on: replaying its command after a
      // reconnect could store a value computed before an invalidation that ran meanwhile.
      autoResendUnfulfilledCommands: false,
      // Keep trying for ever, but no faster than every 2 s once it has been down a while.
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
      lazyConnect: false,
      // Commands issued in one turn of the event loop (every request served in that turn) go
      // out as one write and come back in one read: under load a socket write per command is
      // what a cached read spends most of its time on (profiled: `writev` was a fifth of it).
      enableAutoPipelining: true,
    });
    this.client.on('error', (error: unknown) => this.emit({ type: 'connection-error', error }));
  }

  /** The breaker's state, for `/readyz` and metrics. */
  state(): BreakerState {
    return this.breaker.state();
  }

  /** Waits (at most `timeoutMs`) for the connection to be ready; `true` when it is. */
  async ready(timeoutMs = 2_000): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ok);
      };
      const onReady = (): void => done(true);
      const timer = setTimeout(() => done(this.client.status === 'ready'), timeoutMs);
      timer.unref();
      this.client.on('ready', onReady);
    });
  }

  /** Runs `work` under the deadline and the breaker; never throws. */
  async run<T>(operation: string, work: (client: Redis) => Promise<T>): Promise<Outcome<T>> {
    this.counters.calls += 1;
    if (!this.breaker.tryAcquire()) {
      this.counters.refused += 1;
      this.emit({ type: 'refused', operation });
      return { ok: false, reason: 'refused' };
    }
    let error: unknown;
    try {
      const value = await this.withDeadline(work(this.client));
      if (value !== timedOut) {
        this.lastAnsweredAt = Date.now();
        this.breaker.succeeded();
        return { ok: true, value };
      }
      error = new Error(`${operation} timed out after ${this.timeoutMs} ms`);
    } catch (thrown) {
      error = thrown;
    }
    this.breaker.failed();
    const reason = isTimeout(error) ? 'timeout' : 'error';
    this.counters.failures += 1;
    if (reason === 'timeout') this.counters.timeouts += 1;
    this.emit({ type: 'failure', operation, reason, error });
    return { ok: false, reason };
  }

  /** Reports an event to the host's listener. */
  emit(event: RedisAdapterEvent): void {
    this.listener(event);
  }

  /** Closes the connection (politely when possible, at once otherwise). */
  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      await this.withDeadline(this.client.quit()).catch(() => undefined);
    }
    this.client.disconnect();
  }

  private withDeadline<T>(work: Promise<T>): Promise<T | typeof timedOut> {
    // The losing promise may still reject later: keep that from becoming an unhandled rejection.
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof timedOut>((resolve) => {
      // Timers run before the event loop polls its sockets: on a busy server the deadline can
      // fire while Redis' answer sits unread in the socket. Deciding one poll later (setImmediate
      // runs right after it) lets an answer that came in time win; a slow Redis still loses.
      timer = setTimeout(() => setImmediate(() => resolve(timedOut)), this.timeoutMs);
      timer.unref();
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && /timed? ?out/i.test(error.message);
}
