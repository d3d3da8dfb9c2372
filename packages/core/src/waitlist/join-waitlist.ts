import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { BookingPolicy } from '../scheduling/booking-policy.js';
import { defaultBookingLimits, type BookingLimits } from '../booking/booking-limits.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { patientFacts } from '../access/facts.js';
import { resolveSittingDate } from '../scheduling/resolve-sitting-date.js';
import {
  newSittingOf,
  sittingWindow,
  sittingWindowOfAnyZone,
  sittingsIn,
} from '../scheduling/sitting-calendar.js';
import { JoinWaitlistInput } from './waitlist-schemas.js';
import { toWaitlistEntryView, type WaitlistEntryView } from './waitlist-view.js';

/**
 * One of the caller's patients joins the waitlist of a full sitting of a slot: the next open
 * sitting, or the one on `date`, resolved as a booking resolves it. The store decides
 * ({@link decideJoin}): a sitting with a free place and nobody waiting is for booking
 * (`PLACES_AVAILABLE`), a booked or waiting patient cannot wait again, a queue holds at most
 * 3 × places, and an entry counts against the user's claims limit (`limits`). Answers the
 * entry with its position.
 * @category Use cases
 */
export class JoinWaitlist {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly policy: BookingPolicy,
    private readonly limits: BookingLimits = defaultBookingLimits,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof JoinWaitlistInput>,
  ): Promise<WaitlistEntryView> {
    const { patient_id, slot_id, date } = parseInput(JoinWaitlistInput, input);
    const now = this.clock.now();
    const context = await this.uow.read.appointments.bookingContext({
      patientId: patient_id,
      slotId: slot_id,
      ...sittingWindowOfAnyZone(now, this.policy),
      earlier: null,
    });
    // Another user's patient answers like a missing one, as in booking.
    const patient = authorized(
      actor,
      'patient.joinWaitlist',
      context.patient,
      patientFacts(patient_id, context.patient),
    );
    const { slot } = context;
    if (!slot) throw new DomainError('SLOT_NOT_FOUND', `No slot ${slot_id}.`);
    const stored = sittingsIn(context.sittings, sittingWindow(slot, now, this.policy));
    const times = resolveSittingDate(slot, date, now, this.policy, stored);
    const details = await commit(this.uow, this.publisher, now, async (repositories) => ({
      result: await repositories.waitlist.join({
        sitting: newSittingOf(slot, times),
        patientId: patient.id,
        joinedBy: actor.userId,
        at: now,
        limits: this.limits,
      }),
      events: [],
    }));
    return toWaitlistEntryView(details);
  }
}
