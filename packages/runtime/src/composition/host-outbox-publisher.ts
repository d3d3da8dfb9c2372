import { tagsForEvent, type Cache, type DomainEvent, type OutboxPublisher } from '@doctorly/core';
import type { Logger } from 'pino';

/** How the host publisher behaves. @category Composition */
export interface HostOutboxPublisherOptions {
  /** Wait this long after a commit before relaying, so a burst of writes is relayed once (default 25 ms). */
  readonly debounceMs?: number;
}

/**
 * The host's after-commit hook ({@link OutboxPublisher}): invalidates the cache tags of the
 * committed events at once, so the writer's next read is fresh, then runs the outbox relay
 * in the background (debounced; a burst of commits runs it once, and a commit during a run
 * runs it again afterwards) so the search index follows within milliseconds instead of at
 * the worker's next tick. Never throws: the outbox applies every event anyway.
 * @category Composition
 */
export class HostOutboxPublisher implements OutboxPublisher {
  private readonly debounceMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly cache: Cache,
    private readonly relay: () => Promise<unknown>,
    private readonly logger: Logger,
    options: HostOutboxPublisherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 25;
  }

  async published(events: readonly DomainEvent[]): Promise<void> {
    try {
      const tags = [...new Set(events.flatMap((event) => tagsForEvent(event)))];
      if (tags.length > 0) await this.cache.invalidateTags(tags);
    } catch (error) {
      this.logger.warn(
        { err: error },
        'cache invalidation after commit failed; the outbox relay retries it',
      );
    }
    this.schedule();
  }

  /** Runs a relay now (after any in-flight one) and waits for it; for tests and shutdown. */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.running;
    if (!this.closed) await this.run();
  }

  /** Stops scheduling and waits for a relay in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.debounceMs);
    // A pending relay must not keep a finished process alive: the worker catches up.
    this.timer.unref();
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    // `.finally` runs in a later microtask, so `running` is set before it is cleared.
    const run = this.relayOnce().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
    this.running = run;
    return run;
  }

  private async relayOnce(): Promise<void> {
    try {
      await this.relay();
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay after commit failed; the worker retries it');
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
