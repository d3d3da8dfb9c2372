import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { WaitlistEntryIdInput } from './waitlist-schemas.js';
import { waitlistEntryFacts } from './waitlist-entry.js';
import { toWaitlistEntryView, type WaitlistEntryView } from './waitlist-view.js';

/**
 * One waitlist entry with its status and position (`GET /patient/waitlist/{id}`): its owner
 * or an admin may read it (`waitlist.read`); to anyone else it does not exist.
 * @category Use cases
 */
export class GetWaitlistEntry {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(
    actor: Actor,
    input: z.input<typeof WaitlistEntryIdInput>,
  ): Promise<WaitlistEntryView> {
    const { id } = parseInput(WaitlistEntryIdInput, input);
    const found = await this.uow.read.waitlist.details(id);
    return toWaitlistEntryView(
      authorized(actor, 'waitlist.read', found, waitlistEntryFacts(id, found)),
    );
  }
}
