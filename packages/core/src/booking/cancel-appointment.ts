import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { CancelAppointmentInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { changeAppointmentStatus } from './change-appointment-status.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { appointmentFacts } from '../access/facts.js';
import { relationsOf } from '../access/relations.js';
import { expectedTime } from '../scheduling/sitting-times.js';
import { canTransition } from './status-transitions.js';
import { isTooLateToChange, type BookingLimits } from './booking-limits.js';

/**
 * Cancels an appointment, freeing its place (the next booking reuses its queue number).
 * The user who owns the patient or the doctor of the sitting may (`appointment.cancel`); to
 * anyone else the appointment does not exist. Only a booked or checked-in appointment of a
 * sitting that has not ended can be cancelled. The patient's side (the owner) may not cancel
 * later than `limits.cancelNoticeMinutes` before the planned time, the sitting's start +
 * (queue number − 1) × duration (`TOO_LATE_TO_CHANGE`); the doctor may.
 * @category Use cases
 */
export class CancelAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
    private readonly limits: BookingLimits,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof CancelAppointmentInput>,
  ): Promise<AppointmentView> {
    const { id, reason } = parseInput(CancelAppointmentInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const found = await read.appointments.details(id);
    const facts = appointmentFacts(id, found);
    const details = authorized(actor, 'appointment.cancel', found, facts);
    const byDoctor = relationsOf(actor, facts).has('doctorConcerned');
    const sitting = await read.sittings.findById(details.appointment.sittingId);
    if (!sitting || now.getTime() >= sitting.endsAt.getTime()) {
      throw new DomainError(
        'INVALID_STATUS_TRANSITION',
        'The sitting has ended: its appointments can no longer be cancelled.',
      );
    }
    // The doctor decides their own day; a doctor who also owns the patient is the doctor here.
    if (!byDoctor && canTransition(details.appointment.status, 'cancelled')) {
      const plannedAt = expectedTime(
        details.sittingStartsAt,
        details.durationMinutes,
        details.appointment.queueNumber,
      );
      if (isTooLateToChange(plannedAt, now, this.limits)) {
        throw new DomainError(
          'TOO_LATE_TO_CHANGE',
          `A patient may cancel until ${this.limits.cancelNoticeMinutes} minutes before the planned time (${plannedAt.toISOString()}).`,
        );
      }
    }
    return changeAppointmentStatus(this.uow, this.publisher, details, {
      actor,
      to: 'cancelled',
      now,
      reason: reason ?? (byDoctor ? 'cancelled by the doctor' : 'cancelled by the patient'),
    });
  }
}
