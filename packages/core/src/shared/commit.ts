import type { DomainEvent } from './domain-event.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { Repositories, UnitOfWork } from './unit-of-work.js';

/** What a write returns: its result and the events it caused. */
export interface Committed<T> {
  readonly result: T;
  readonly events: readonly DomainEvent[];
}

/**
 * Runs a write in one transaction, appends the events it caused to the outbox inside that
 * transaction, and after the commit tells the publisher (best effort: the outbox relay
 * applies the events anyway). The one way every write use case commits.
 * @category Use cases
 */
export async function commit<T>(
  uow: UnitOfWork,
  publisher: OutboxPublisher,
  now: Date,
  work: (repositories: Repositories) => Promise<Committed<T>>,
): Promise<T> {
  const { result, events } = await uow.transaction(async (repositories) => {
    const done = await work(repositories);
    if (done.events.length > 0) await repositories.outbox.append(done.events, now);
    return done;
  });
  if (events.length > 0) await publisher.published(events);
  return result;
}
