import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { AppointmentIdInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { appointmentOfDoctor, changeAppointmentStatus } from './change-appointment-status.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * Marks a patient as not having come: the doctor of the sitting only. The place stays taken (the queue numbers after it keep their times).
 * @category Use cases
 */
export class MarkNoShow {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof AppointmentIdInput>): Promise<AppointmentView> {
    const { id } = parseInput(AppointmentIdInput, input);
    const details = await appointmentOfDoctor(this.uow.read, actor, id, 'appointment.markNoShow');
    return changeAppointmentStatus(this.uow, this.publisher, details, {
      actor,
      to: 'no_show',
      reason: null,
      now: this.clock.now(),
    });
  }
}
