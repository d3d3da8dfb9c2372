import type { z } from 'zod';
import type { AppointmentStatus } from './appointment.js';
import type { Actor } from '../identity/user.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { AppointmentIdInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { presentAppointment } from './live-appointment-views.js';
import type { Clock } from '../shared/clock.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized } from '../access/authorize.js';
import { appointmentFacts } from '../access/facts.js';

/** One status change as the API shows it. @category Views */
export interface AppointmentHistoryEntryView {
  status: AppointmentStatus;
  /** Who made the change; `null` for the system (the worker's no-show). */
  actor_id: number | null;
  /** ISO 8601 instant. */
  at: string;
  reason: string | null;
}

/** An appointment and every status change it went through, oldest first. @category Views */
export interface AppointmentHistoryView {
  appointment: AppointmentView;
  history: AppointmentHistoryEntryView[];
}

/**
 * An appointment with its status history. Visible to the user who owns the patient, the
 * doctor of the sitting and admins (`appointment.read`); to anyone else it does not exist.
 * @category Use cases
 */
export class GetAppointmentHistory {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    input: z.input<typeof AppointmentIdInput>,
  ): Promise<AppointmentHistoryView> {
    const { id } = parseInput(AppointmentIdInput, input);
    const read = this.uow.read;
    const found = await read.appointments.details(id);
    const details = authorized(actor, 'appointment.read', found, appointmentFacts(id, found));
    const history = await read.appointments.history(id);
    return {
      appointment: await presentAppointment(read, details, this.clock.now()),
      history: history.map((entry) => ({
        status: entry.status,
        actor_id: entry.actorId,
        at: entry.at.toISOString(),
        reason: entry.reason,
      })),
    };
  }
}
