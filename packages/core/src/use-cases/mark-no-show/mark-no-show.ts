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
    const details = await appointmentOfDoctor(this.uow.read, actor, id);
    return changeAppointmentStatus(this.uow, this.publisher, details, {
      actor, to: 'no_show', reason: null, now: this.clock.now(),
    });
  }
}
