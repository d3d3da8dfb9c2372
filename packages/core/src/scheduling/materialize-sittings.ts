import type { Sitting } from './sitting.js';
import type { Slot } from './slot.js';
import type { LocalDate, SlotId } from '../shared/primitives.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { SittingReader } from './sitting-repository.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { BookingPolicy, SittingTimes } from './booking-policy.js';
import { addDays } from './local-date.js';
import { upcomingSittings } from './next-sitting.js';
import { localDateOf } from './wall-clock.js';
import { sittingChanged } from '../booking/appointment-events.js';
import { cancelledDates, newSittingOf } from './sitting-calendar.js';
import { commit } from '../shared/commit.js';

/** Tuning of {@link MaterializeSittings}. @category Use cases */
export interface MaterializeSittingsOptions {
  /** Slots read per batch, and at most written per transaction (default 200). */
  readonly batchSize?: number;
}

/** What one pass did. @category Use cases */
export interface MaterializeSittingsResult {
  readonly slots: number;
  readonly created: number;
}

/** A slot and the sittings it lacks. */
interface Missing {
  readonly slot: Slot;
  readonly sittings: readonly SittingTimes[];
}

/**
 * Worker step: stores every bookable sitting of every slot up to the booking horizon, so
 * queues and timings can be read without a booking first. Idempotent (the store creates
 * each slot and date once); events only for sittings this pass created.
 *
 * Built for tens of thousands of slots per tick: a batch of slots costs two reads (the
 * slots, then all their stored sittings in the window), and a transaction is opened only
 * for a batch that lacks sittings, so a pass with nothing to do writes nothing.
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
    for (let afterId = 0; ;) {
      const batch = await this.uow.read.slots.listAfter(afterId, this.batchSize);
      const missing = this.missingOf(
        batch,
        await this.storedOf(this.uow.read.sittings, batch, now),
        now,
      );
      if (missing.length > 0) created += await this.store(missing, now);
      slots += batch.length;
      const last = batch.at(-1);
      if (!last || batch.length < this.batchSize) break;
      afterId = last.id;
    }
    return { slots, created };
  }

  /**
   * The stored sittings of `slots`, by slot, from the earliest yesterday to the latest
   * horizon among their zones: a superset of each slot's own window, which is harmless
   * since only dates the slot could still open are looked up.
   */
  private async storedOf(
    sittings: SittingReader,
    slots: readonly Slot[],
    now: Date,
  ): Promise<Map<SlotId, Sitting[]>> {
    const byId = new Map<SlotId, Sitting[]>(slots.map((slot) => [slot.id, []]));
    const todays = [...new Set(slots.map((slot) => slot.timeZone))]
      .map((zone) => localDateOf(now, zone))
      .sort();
    const first = todays[0];
    const last = todays.at(-1);
    if (first === undefined || last === undefined) return byId;
    const from: LocalDate = addDays(first, -1);
    const to: LocalDate = addDays(last, 7 * this.policy.horizonWeeks);
    for (const sitting of await sittings.listBySlots([...byId.keys()], from, to))
      byId.get(sitting.slotId)?.push(sitting);
    return byId;
  }

  /** The open, uncancelled sittings of each slot that are not stored yet. */
  private missingOf(
    slots: readonly Slot[],
    stored: ReadonlyMap<SlotId, readonly Sitting[]>,
    now: Date,
  ): Missing[] {
    const missing: Missing[] = [];
    for (const slot of slots) {
      const own = stored.get(slot.id) ?? [];
      const storedDates = new Set(own.map((s) => s.date));
      const lacking = upcomingSittings(slot, now, this.policy, cancelledDates(own)).filter(
        (t) => !storedDates.has(t.date),
      );
      if (lacking.length > 0) missing.push({ slot, sittings: lacking });
    }
    return missing;
  }

  /**
   * Creates the missing sittings in one transaction and one statement. Only the sittings
   * this call created are announced: one that a booking stored meanwhile is left as it is.
   */
  private store(missing: readonly Missing[], now: Date): Promise<number> {
    const sittings = missing.flatMap(({ slot, sittings }) =>
      sittings.map((times) => newSittingOf(slot, times)),
    );
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const events = (await repositories.sittings.createMissing(sittings)).map(sittingChanged);
      return { result: events.length, events };
    });
  }
}
