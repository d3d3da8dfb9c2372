import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { AppointmentIdInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { presentAppointment } from './live-appointment-views.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { appointmentFacts } from '../access/facts.js';

/**
 * One appointment with its live expected time (`GET /patient/appointment/{id}`): for the
 * user who owns its patient, the doctor of its sitting or an admin (`appointment.read`); to
 * anyone else it does not exist (`APPOINTMENT_NOT_FOUND`).
 * @category Use cases
 */
export class GetAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof AppointmentIdInput>): Promise<AppointmentView> {
    const { id } = parseInput(AppointmentIdInput, input);
    const read = this.uow.read;
    const found = await read.appointments.details(id);
    const details = authorized(actor, 'appointment.read', found, appointmentFacts(id, found));
    return presentAppointment(read, details, this.clock.now());
  }
}
