import type { DomainEvent } from '../../events/domain-event.js';
import type { Slot } from '../../models/index.js';
import type { OutboxPublisher } from '../../ports/outbox.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { BookingPolicy } from '../../scheduling/index.js';
import { upcomingSittings } from '../../scheduling/index.js';
import { sittingChanged } from '../appointment-status/appointment-events.js';
import { cancelledDates, newSittingOf, storedSittingsInWindow } from '../book-appointment/sitting-calendar.js';
import { commit } from '../shared/commit.js';

/** Tuning of {@link MaterializeSittings}. @category Use cases */
export interface MaterializeSittingsOptions {
  /** Slots read per batch (default 200). */
  readonly batchSize?: number;
}

/** What one pass did. @category Use cases */
export interface MaterializeSittingsResult {
  readonly slots: number;
  readonly created: number;
}

/**
 * Worker step: stores every bookable sitting of every slot up to the booking horizon, so
 * queues and timings can be read without a booking first. Idempotent (the store creates
 * each slot and date once); events only for sittings this pass created. One transaction
 * per slot keeps a failure local.
 * @category Use cases
 */
export class MaterializeSittings {
  private readonly batchSize: number;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly policy: BookingPolicy,
    options: MaterializeSittingsOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
  }

  async execute(now: Date): Promise<MaterializeSittingsResult> {
    let slots = 0;
    let created = 0;
    for (let afterId = 0; ; ) {
      const batch = await this.uow.read.slots.listAfter(afterId, this.batchSize);
      for (const slot of batch) {
        created += await this.materialize(slot, now);
        slots += 1;
      }
      const last = batch.at(-1);
      if (!last || batch.length < this.batchSize) break;
      afterId = last.id;
    }
    return { slots, created };
  }

  private async materialize(slot: Slot, now: Date): Promise<number> {
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const stored = await storedSittingsInWindow(repositories.sittings, slot, now, this.policy);
      const storedDates = new Set(stored.map((s) => s.date));
      const events: DomainEvent[] = [];
      for (const times of upcomingSittings(slot, now, this.policy, cancelledDates(stored))) {
        if (storedDates.has(times.date)) continue;
        events.push(sittingChanged(await repositories.sittings.ensure(newSittingOf(slot, times))));
      }
      return { result: events.length, events };
    });
  }
}
