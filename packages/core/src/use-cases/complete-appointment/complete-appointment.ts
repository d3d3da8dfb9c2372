import type { z } from 'zod';
import type { Actor } from '../../models/index.js';
import type { Clock } from '../../ports/clock.js';
import type { OutboxPublisher } from '../../ports/outbox.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { AppointmentIdInput } from '../../schemas/index.js';
import type { AppointmentView } from '../../views/index.js';
import { appointmentOfDoctor, changeAppointmentStatus } from '../appointment-status/change-appointment-status.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * Marks an appointment completed (the patient was seen): the doctor of the sitting only. A completed appointment can be rated.
 * @category Use cases
 */
export class CompleteAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof AppointmentIdInput>): Promise<AppointmentView> {
    const { id } = parseInput(AppointmentIdInput, input);
    const details = await appointmentOfDoctor(this.uow.read, actor, id);
    return changeAppointmentStatus(this.uow, this.publisher, details, {
      actor, to: 'completed', reason: null, now: this.clock.now(),
    });
  }
}
