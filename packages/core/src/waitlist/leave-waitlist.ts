import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { WaitlistEntryIdInput } from './waitlist-schemas.js';
import { waitlistEntryFacts } from './waitlist-entry.js';
import { toWaitlistEntryView, type WaitlistEntryView } from './waitlist-view.js';

/**
 * The caller takes one of their entries off a waitlist (`DELETE /patient/waitlist/{id}`):
 * it becomes `left`. Another user's entry answers `WAITLIST_ENTRY_NOT_FOUND`; an entry that
 * no longer waits (promoted, expired, left) cannot leave (`INVALID_STATUS_TRANSITION`).
 * @category Use cases
 */
export class LeaveWaitlist {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof WaitlistEntryIdInput>,
  ): Promise<WaitlistEntryView> {
    const { id } = parseInput(WaitlistEntryIdInput, input);
    const now = this.clock.now();
    const found = await this.uow.read.waitlist.details(id);
    const details = authorized(actor, 'waitlist.leave', found, waitlistEntryFacts(id, found));
    const refusal = new DomainError(
      'INVALID_STATUS_TRANSITION',
      `The waitlist entry is ${details.entry.status}: only a waiting entry can leave.`,
    );
    if (details.entry.status !== 'waiting') throw refusal;
    await commit(this.uow, this.publisher, now, async (repositories) => {
      // A promotion or expiry may have come first: the store changes only a waiting entry.
      if (!(await repositories.waitlist.leave(id, now))) throw refusal;
      return { result: undefined, events: [] };
    });
    const left = await this.uow.read.waitlist.details(id);
    if (!left) throw new Error(`waitlist entry ${id} vanished`);
    return toWaitlistEntryView(left);
  }
}
