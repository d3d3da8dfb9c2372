import type { DomainEvent } from '../shared/domain-event.js';
import type { OutboxPublisher } from '../outbox/outbox.js';

/**
 * {@link OutboxPublisher} that records what was published (in order) and optionally passes
 * each batch on, e.g. to apply it to an in-memory cache. Never throws, as the port demands.
 * @category Testing
 */
export class RecordingOutboxPublisher implements OutboxPublisher {
  readonly events: DomainEvent[] = [];

  constructor(
    private readonly onPublished?: (events: readonly DomainEvent[]) => Promise<void> | void,
  ) {}

  async published(events: readonly DomainEvent[]): Promise<void> {
    this.events.push(...events);
    try {
      await this.onPublished?.(events);
    } catch {
      // Best effort by contract: the outbox applies the events anyway.
    }
  }

  /** Forgets what was recorded. */
  clear(): void {
    this.events.length = 0;
  }
}
