import { canTransition } from './status-transitions.js';
import { DomainError } from '../shared/domain-error.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { AppointmentDetails, AppointmentStatus } from './appointment.js';
import type { Actor } from '../identity/user.js';
import type { AppointmentId } from '../shared/primitives.js';
import type { OutboxPublisher } from '../outbox/outbox.js';
import type { ReadRepositories, UnitOfWork } from '../shared/unit-of-work.js';
import type { AppointmentView } from './appointment-view.js';
import { presentAppointment } from './live-appointment-views.js';
import { commit } from '../shared/commit.js';
import { appointmentChanged, sittingChanged } from './appointment-events.js';
import { authorized } from '../access/authorize.js';
import { appointmentFacts } from '../access/facts.js';
import { promoteFreedPlaces } from '../waitlist/promote-freed-places.js';

/** What a status change needs besides the appointment. */
export interface StatusChangeOrder {
  readonly actor: Actor;
  readonly to: AppointmentStatus;
  readonly reason: string | null;
  readonly now: Date;
}

/**
 * Moves an appointment to `order.to` if the rules allow it from its current status, as a
 * compare-and-set on that status (a concurrent change makes this one fail rather than
 * overwrite it), recording who and when. Leaving the active statuses frees the place, so
 * the sitting changes too, and the place is promoted to its waitlist at once.
 */
export async function changeAppointmentStatus(
  uow: UnitOfWork,
  publisher: OutboxPublisher,
  details: AppointmentDetails,
  order: StatusChangeOrder,
): Promise<AppointmentView> {
  const { appointment } = details;
  const refusal = new DomainError(
    'INVALID_STATUS_TRANSITION',
    `An appointment that is ${appointment.status} cannot become ${order.to}.`,
  );
  if (!canTransition(appointment.status, order.to)) throw refusal;
  return commit(uow, publisher, order.now, async (repositories) => {
    const changed = await repositories.appointments.transition(appointment.id, {
      from: [appointment.status],
      to: order.to,
      actorId: order.actor.userId,
      at: order.now,
      reason: order.reason,
    });
    if (!changed) throw refusal;
    const events: DomainEvent[] = [appointmentChanged(changed)];
    if (order.to === 'cancelled') {
      events.push(
        sittingChanged({
          id: changed.sittingId,
          slotId: changed.slotId,
          doctorId: changed.doctorId,
        }),
        // The freed place goes to the first waiting entry in this same transaction, so no
        // new booker can take it while someone waits.
        ...(await promoteFreedPlaces(repositories, changed.sittingId, order.now)),
      );
    }
    return { result: await appointmentView(repositories, changed.id, order.now), events };
  });
}

/** The presentable appointment `id` at `now`, which must exist (it was just read or written). */
export async function appointmentView(
  repositories: ReadRepositories,
  id: AppointmentId,
  now: Date,
): Promise<AppointmentView> {
  const details = await repositories.appointments.details(id);
  if (!details) throw new Error(`appointment ${id} has no details`);
  return presentAppointment(repositories, details, now);
}

/** The status changes only the doctor of the sitting makes. */
export type DoctorStatusKey =
  'appointment.checkIn' | 'appointment.complete' | 'appointment.markNoShow' | 'appointment.call';

/**
 * The appointment `id` as the doctor of its sitting may act on it; the refusal is the access
 * policy's (the patient's owner sees it, so is told `FORBIDDEN`; to anyone else it does not exist).
 */
export async function appointmentOfDoctor(
  repositories: Pick<ReadRepositories, 'appointments'>,
  actor: Actor,
  id: AppointmentId,
  key: DoctorStatusKey,
): Promise<AppointmentDetails> {
  const details = await repositories.appointments.details(id);
  return authorized(actor, key, details, appointmentFacts(id, details));
}
