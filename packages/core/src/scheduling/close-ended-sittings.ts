import type { Sitting } from './sitting.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { appointmentChanged, sittingChanged } from '../booking/appointment-events.js';
import { commit } from '../shared/commit.js';
import { closableSittingStatuses } from './sitting-lifecycle.js';
import { expireWaitlist } from '../waitlist/promote-freed-places.js';

/** Tuning of {@link CloseEndedSittings}. @category Use cases */
export interface CloseEndedSittingsOptions {
  /** Sittings read per batch (default 100). */
  readonly batchSize?: number;
}

/** What one pass did. @category Use cases */
export interface CloseEndedSittingsResult {
  readonly closed: number;
  readonly noShows: number;
}

/** The history reason of the worker's no-shows. */
const noShowReason = 'not seen when the sitting ended';
/** The history reason of a consultation the worker ends. */
const endedReason = 'in consultation when the sitting ended';

/**
 * Worker step: marks every scheduled or in-progress sitting that ended by `now` completed,
 * its still-waiting appointments (booked, checked in) no-show and the one in consultation
 * completed at `now` (actor `null`: the system). One transaction per sitting; safe beside
 * another worker doing the same (a sitting already closed by it is skipped).
 * @category Use cases
 */
export class CloseEndedSittings {
  private readonly batchSize: number;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    options: CloseEndedSittingsOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
  }

  async execute(now: Date): Promise<CloseEndedSittingsResult> {
    let closed = 0;
    let noShows = 0;
    const seen = new Set<number>();
    for (;;) {
      const batch = (await this.uow.read.sittings.listEnded(now, this.batchSize)).filter(
        (s) => !seen.has(s.id),
      );
      // Closed sittings leave the list; one that keeps coming back must not loop forever.
      if (batch.length === 0) break;
      for (const sitting of batch) {
        seen.add(sitting.id);
        const outcome = await this.close(sitting, now);
        if (outcome === undefined) continue;
        closed += 1;
        noShows += outcome;
      }
    }
    return { closed, noShows };
  }

  /** The number of no-shows, or `undefined` when another worker closed it first. */
  private close(sitting: Sitting, now: Date): Promise<number | undefined> {
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const { sittings, appointments } = repositories;
      if (!(await sittings.setStatus(sitting.id, 'completed', closableSittingStatuses)))
        return { result: undefined, events: [] };
      const seen = await appointments.transitionAllInSitting(sitting.id, {
        from: ['in_consultation'],
        to: 'completed',
        actorId: null,
        at: now,
        reason: endedReason,
      });
      const missed = await appointments.transitionAllInSitting(sitting.id, {
        from: ['booked', 'checked_in'],
        to: 'no_show',
        actorId: null,
        at: now,
        reason: noShowReason,
      });
      // Entries still waiting (a sitting never started by its doctor) expire with it.
      await expireWaitlist(repositories, sitting.id, now);
      return {
        result: missed.length,
        events: [sittingChanged(sitting), ...[...seen, ...missed].map(appointmentChanged)],
      };
    });
  }
}
