import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { Actor } from '../identity/user.js';
import type { LocalDate } from '../shared/primitives.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { isSlotDate, sittingTimes } from './sitting-times.js';
import { CancelSittingInput } from '../booking/booking-schemas.js';
import { appointmentChanged, sittingChanged } from '../booking/appointment-events.js';
import { newSittingOf } from './sitting-calendar.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { slotFacts } from '../access/facts.js';
import { expireWaitlist } from '../waitlist/promote-freed-places.js';

/** A cancelled sitting. @category Views */
export interface CancelledSittingView {
  slot_id: number;
  sitting_id: number;
  date: LocalDate;
  status: 'cancelled';
  /** Appointments cancelled with it (booked or checked in). */
  cancelled_appointments: number;
}

/**
 * A doctor cancels one date's sitting of their own slot (leave, holiday; `sitting.cancel`):
 * the sitting is stored as cancelled, so nobody can book it and the slot's next sitting moves
 * on, and its booked and checked-in appointments are cancelled with the doctor as actor. Only
 * a sitting that has not started can be cancelled (its waitlist expires with it); cancelling a cancelled one again changes
 * nothing.
 * @category Use cases
 */
export class CancelSitting {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof CancelSittingInput>,
  ): Promise<CancelledSittingView> {
    const { slot_id, date, reason } = parseInput(CancelSittingInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const doctor = await read.doctors.findByUserId(actor.userId);
    const found = await read.slots.findById(slot_id);
    const slot = authorized(actor, 'sitting.cancel', found, slotFacts(slot_id, found, doctor));
    if (!isSlotDate(slot, date))
      throw new DomainError('NOT_A_SITTING_DATE', `The slot has no sitting on ${date}.`);
    const times = sittingTimes(slot, date);
    if (now.getTime() >= times.endsAt.getTime())
      throw new DomainError('SITTING_PAST', `The sitting of ${date} has ended.`);
    if (now.getTime() >= times.startsAt.getTime()) {
      throw new DomainError('SITTING_CLOSED', `The sitting of ${date} has started.`);
    }
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const sitting = await repositories.sittings.ensure(newSittingOf(slot, times));
      const view = { slot_id: slot.id, sitting_id: sitting.id, date, status: 'cancelled' as const };
      if (sitting.status === 'cancelled')
        return { result: { ...view, cancelled_appointments: 0 }, events: [] };
      if (sitting.status === 'in_progress')
        throw new DomainError('SITTING_CLOSED', `The sitting of ${date} has started.`);
      if (!(await repositories.sittings.setStatus(sitting.id, 'cancelled', ['scheduled']))) {
        throw new DomainError('SITTING_PAST', `The sitting of ${date} is over.`);
      }
      const cancelled = await repositories.appointments.transitionAllInSitting(sitting.id, {
        from: ['booked', 'checked_in'],
        to: 'cancelled',
        actorId: actor.userId,
        at: now,
        reason: reason ?? 'the doctor cancelled the sitting',
      });
      // Nobody waits for a cancelled sitting: not promoted into it, expired.
      await expireWaitlist(repositories, sitting.id, now);
      const events: DomainEvent[] = [sittingChanged(sitting), ...cancelled.map(appointmentChanged)];
      return { result: { ...view, cancelled_appointments: cancelled.length }, events };
    });
  }
}
