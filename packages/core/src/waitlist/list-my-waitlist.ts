import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { authorize } from '../access/authorize.js';
import { endedEntriesShownDays } from './waitlist-entry.js';
import { toWaitlistEntryView, type WaitlistEntryView } from './waitlist-view.js';

/**
 * The caller's waitlist entries (`GET /patient/waitlist`), newest first: those that wait,
 * with their position, and those that ended in the last {@link endedEntriesShownDays} days
 * with their status (promoted with the appointment, left, expired). Never cached: a
 * position moves with other people's entries.
 * @category Use cases
 */
export class ListMyWaitlist {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor): Promise<WaitlistEntryView[]> {
    authorize(actor, 'waitlist.listOwn');
    const since = new Date(this.clock.now().getTime() - endedEntriesShownDays * 86_400_000);
    const entries = await this.uow.read.waitlist.listByJoiner(actor.userId, since);
    return entries.map(toWaitlistEntryView);
  }
}
