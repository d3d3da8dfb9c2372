import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import type { AppointmentStatus } from './appointment.js';
import { AppointmentIdInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import {
  appointmentOfDoctor,
  changeAppointmentStatus,
  type DoctorStatusKey,
} from './change-appointment-status.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * A status change the doctor of the sitting makes to one appointment: the access rule that
 * allows it and the status it moves to are all that differ between them (the transition
 * itself is checked by `canTransition`). One class per change, so each stays a use case of
 * its own in the container and the reference.
 * @category Use cases
 */
export abstract class DoctorStatusChange {
  /** The access rule that allows the change. */
  protected abstract readonly rule: DoctorStatusKey;
  /** The status the appointment moves to. */
  protected abstract readonly to: AppointmentStatus;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  /** Moves appointment `id` to the new status, if the caller is its sitting's doctor and the transition is allowed. */
  async execute(actor: Actor, input: z.input<typeof AppointmentIdInput>): Promise<AppointmentView> {
    const { id } = parseInput(AppointmentIdInput, input);
    const details = await appointmentOfDoctor(this.uow.read, actor, id, this.rule);
    return changeAppointmentStatus(this.uow, this.publisher, details, {
      actor,
      to: this.to,
      reason: null,
      now: this.clock.now(),
    });
  }
}
