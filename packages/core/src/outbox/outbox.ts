import type { ServiceToken } from '../shared/service-token.js';
import type { DomainEvent } from '../shared/domain-event.js';

/** An outbox row as the relay sees it. @category Ports */
export interface OutboxEntry {
  readonly id: number;
  readonly event: DomainEvent;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly lastError: string | null;
}

/**
 * The relay side of the transactional outbox. Claims are leases: an entry claimed by a
 * consumer that dies becomes claimable again when its lease ends. Safe with several
 * concurrent consumers (`FOR UPDATE SKIP LOCKED`).
 * @category Ports
 */
export interface OutboxStore {
  /** Claims up to `limit` due entries for `leaseSeconds`, oldest first. */
  claim(limit: number, leaseSeconds: number, now: Date): Promise<readonly OutboxEntry[]>;
  /** Marks entries applied. */
  complete(ids: readonly number[], now: Date): Promise<void>;
  /** Records a failed attempt; retried at `retryAt`, or parked for good when `retryAt` is `null`. */
  fail(id: number, error: string, retryAt: Date | null): Promise<void>;
  /** Entries not yet applied (including claimed ones), oldest first. */
  pending(limit: number): Promise<readonly OutboxEntry[]>;
  /** Entries given up on, with their last error. */
  parked(limit: number): Promise<readonly OutboxEntry[]>;
}
/** Injection token of {@link OutboxStore}. @category Ports */
export const OutboxStore: ServiceToken<OutboxStore> = Symbol.for('doctorly.OutboxStore');

/**
 * Told, right after a transaction commits, which events it appended, so the host can apply
 * them at once (invalidate the cache, refresh the search index) instead of waiting for the
 * worker. Best effort: it never throws; the outbox guarantees the events are applied anyway.
 * @category Ports
 */
export interface OutboxPublisher {
  published(events: readonly DomainEvent[]): Promise<void>;
}
/** Injection token of {@link OutboxPublisher}. @category Ports */
export const OutboxPublisher: ServiceToken<OutboxPublisher> = Symbol.for(
  'doctorly.OutboxPublisher',
);
