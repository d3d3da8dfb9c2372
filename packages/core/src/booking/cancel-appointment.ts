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

/**
 * Cancels an appointment, freeing its place (the next booking reuses its queue number).
 * The user who owns the patient or the doctor of the sitting may; to anyone else the
 * appointment does not exist. Only a booked or checked-in appointment of a sitting that has
 * not ended can be cancelled.
 * @category Use cases
 */
export class CancelAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof CancelAppointmentInput>): Promise<AppointmentView> {
    const { id, reason } = parseInput(CancelAppointmentInput, input);
    const now = this.clock.now();
    const read = this.uow.read;
    const details = await read.appointments.details(id);
    const byDoctor = details?.doctorUserId === actor.userId;
    if (!details || !(byDoctor || details.patientOwnerId === actor.userId)) {
      throw new DomainError('APPOINTMENT_NOT_FOUND', `No appointment ${id}.`);
    }
    const sitting = await read.sittings.findById(details.appointment.sittingId);
    if (!sitting || now.getTime() >= sitting.endsAt.getTime()) {
      throw new DomainError('INVALID_STATUS_TRANSITION', 'The sitting has ended: its appointments can no longer be cancelled.');
    }
    return changeAppointmentStatus(this.uow, this.publisher, details, {
      actor, to: 'cancelled', now,
      reason: reason ?? (byDoctor ? 'cancelled by the doctor' : 'cancelled by the patient'),
    });
  }
}
