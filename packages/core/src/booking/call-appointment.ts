import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { Actor } from '../identity/user.js';
import type { Clock } from '../shared/clock.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { appointmentStatuses } from './appointment.js';
import { canTransition } from './status-transitions.js';
import { AppointmentIdInput } from './booking-schemas.js';
import type { AppointmentView } from './appointment-view.js';
import { appointmentOfDoctor, appointmentView } from './change-appointment-status.js';
import { appointmentChanged, sittingChanged } from './appointment-events.js';
import { startSittingIn } from '../scheduling/start-sitting.js';
import { commit } from '../shared/commit.js';
import { parseInput } from '../shared/parse-input.js';

/** The statuses a patient can be called in from: the status table's, not a list of its own. */
const callableStatuses = appointmentStatuses.filter((s) => canTransition(s, 'in_consultation'));

/** The history reason of a consultation ended by calling the next patient. */
const nextPatientReason = 'the next patient was called';

/**
 * The doctor calls a waiting patient in (`POST /doctors/appointments/{id}/call`,
 * `appointment.call`): `booked`/`checked_in → in_consultation`, `called_at` recorded. As a
 * "next patient" button does, it first completes the patient still in consultation
 * (`completed_at` recorded, the doctor as actor); and calling on a `scheduled` sitting starts
 * it, since the doctor evidently began (within the start window of `decideSittingStart`).
 * All in one transaction, every change in the history.
 * @category Use cases
 */
export class CallAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publisher: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: z.input<typeof AppointmentIdInput>): Promise<AppointmentView> {
    const { id } = parseInput(AppointmentIdInput, input);
    const now = this.clock.now();
    const details = await appointmentOfDoctor(this.uow.read, actor, id, 'appointment.call');
    const { appointment } = details;
    const refusal = new DomainError(
      'INVALID_STATUS_TRANSITION',
      `An appointment that is ${appointment.status} cannot be called in.`,
    );
    if (!canTransition(appointment.status, 'in_consultation')) throw refusal;
    return commit(this.uow, this.publisher, now, async (repositories) => {
      const sitting = await repositories.sittings.findById(appointment.sittingId);
      if (!sitting) throw new Error(`appointment ${id} has no sitting`);
      const events: DomainEvent[] = [];
      if (await startSittingIn(repositories, sitting, now)) events.push(sittingChanged(sitting));
      const finished = await repositories.appointments.transitionAllInSitting(sitting.id, {
        from: ['in_consultation'],
        to: 'completed',
        actorId: actor.userId,
        at: now,
        reason: nextPatientReason,
      });
      const called = await repositories.appointments.transition(id, {
        from: callableStatuses,
        to: 'in_consultation',
        actorId: actor.userId,
        at: now,
        reason: null,
      });
      if (!called) throw refusal;
      events.push(...finished.map(appointmentChanged), appointmentChanged(called));
      return { result: await appointmentView(repositories, id, now), events };
    });
  }
}
