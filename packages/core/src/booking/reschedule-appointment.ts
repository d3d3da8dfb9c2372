import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { Repositories, UnitOfWork } from '../shared/unit-of-work.js';
import type { BookingPolicy } from '../scheduling/booking-policy.js';
import type { NewSitting } from '../scheduling/sitting.js';
import type { Appointment, AppointmentDetails } from './appointment.js';
import type { AppointmentView } from './appointment-view.js';
import { defaultBookingLimits, type BookingLimits } from './booking-limits.js';
import { RescheduleAppointmentInput } from './booking-schemas.js';
import { decideReschedule } from './decide-reschedule.js';
import { appointmentView } from './change-appointment-status.js';
import { appointmentBooked, appointmentChanged, sittingChanged } from './appointment-events.js';
import { promoteFreedPlaces } from '../waitlist/promote-freed-places.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { appointmentFacts } from '../access/facts.js';
import { storedSittingsInWindow } from '../scheduling/sitting-calendar.js';

/** The history reason of an appointment a reschedule cancelled. @category Booking */
export const rescheduledReason = 'rescheduled';

/**
 * Moves a booked appointment of one of the caller's patients to another sitting of the same
 * doctor (`appointment.reschedule`: its owner; to anyone else it does not exist), atomically:
 * the new place is secured or nothing changes. The old appointment becomes `cancelled` with
 * reason `rescheduled` and points at the new one (`rescheduledTo`); its freed place goes to
 * the old sitting's waitlist in the same transaction. A move is not a new claim, so the
 * per-user limit does not apply to the target booking. Answers the new appointment.
 * @category Use cases
 */
export class RescheduleAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly policy: BookingPolicy,
    private readonly limits: BookingLimits = defaultBookingLimits,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof RescheduleAppointmentInput>,
  ): Promise<AppointmentView> {
    const { id, slot_id, date } = parseInput(RescheduleAppointmentInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const found = await read.appointments.details(id);
    const details = authorized(actor, 'appointment.reschedule', found, appointmentFacts(id, found));
    const slot = await read.slots.findById(slot_id ?? details.appointment.slotId);
    const stored = slot ? await storedSittingsInWindow(read.sittings, slot, now, this.policy) : [];
    const target = decideReschedule({
      details,
      slot,
      date,
      stored,
      now,
      policy: this.policy,
      limits: this.limits,
    });
    // The target sitting is ensured in a transaction of its own, before the move locks
    // anything: inside the move, a fresh sitting's uncommitted row would make a concurrent
    // booking group (which ensures sittings while holding other sittings' locks) wait for
    // this transaction while it waits for them. An empty scheduled sitting is what the
    // worker materializes anyway; a refused move leaves nothing else behind.
    const targetId = await this.uow.transaction(
      async (repositories) => (await repositories.sittings.ensure(target)).id,
    );
    return commit(this.uow, this.publisher, now, (repositories) =>
      move(repositories, { actor, details, target, targetId, now }),
    );
  }
}

/** What the move's transaction needs. */
interface MoveOrder {
  readonly actor: Actor;
  readonly details: AppointmentDetails;
  readonly target: NewSitting;
  readonly targetId: number;
  readonly now: Date;
}

/**
 * The move, in one transaction: both sittings locked in the global order, the new place
 * booked (the store's booking decision: `SITTING_FULL`, `ALREADY_BOOKED` … undo everything),
 * then the old appointment cancelled and pointed at the new one, and its freed place promoted
 * to the old sitting's waitlist (under the lock already held), so that it is never seen free
 * while someone waits.
 */
async function move(repositories: Repositories, order: MoveOrder) {
  const { actor, details, now } = order;
  const old = details.appointment;
  await repositories.sittings.lock([old.sittingId, order.targetId]);
  const booked = await repositories.appointments.book({
    sittingId: order.targetId,
    patientId: old.patientId,
    bookedBy: actor.userId,
    at: now,
    idempotencyKey: null,
  });
  const cancelled = await repositories.appointments.transition(old.id, {
    from: ['booked'],
    to: 'cancelled',
    actorId: actor.userId,
    at: now,
    reason: rescheduledReason,
  });
  // A concurrent change (the doctor checked the patient in or cancelled) came first.
  if (!cancelled) throw movedMeanwhile(old);
  const pointed = await repositories.appointments.setRescheduledTo(old.id, booked.id);
  if (!pointed) throw movedMeanwhile(old);
  const events: DomainEvent[] = [
    appointmentChanged(pointed),
    sittingChanged({ id: old.sittingId, slotId: old.slotId, doctorId: old.doctorId }),
    appointmentBooked(booked),
    sittingChanged({ id: booked.sittingId, slotId: booked.slotId, doctorId: booked.doctorId }),
    ...(await promoteFreedPlaces(repositories, old.sittingId, now)),
  ];
  return { result: await appointmentView(repositories, booked.id, now), events };
}

function movedMeanwhile(old: Appointment): DomainError {
  return new DomainError(
    'INVALID_STATUS_TRANSITION',
    `Appointment ${old.id} changed meanwhile: it is no longer booked.`,
  );
}
