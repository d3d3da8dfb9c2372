import type { DomainEvent } from './domain-event.js';
import type { AppointmentDetails } from '../booking/appointment.js';
import type { SittingBookingRequest } from '../booking/appointment-repository.js';
import type { CommittedBooking, UnitOfWork } from './unit-of-work.js';

/**
 * {@link UnitOfWork.commitBooking} as one transaction of its own: the reference behaviour,
 * for stores that do not group bookings, and for a group that has to be run one by one.
 * It sits beside the port, not with the use cases, because stores (adapters) call it.
 * @category Ports
 */
export function commitBookingInTransaction(
  uow: Pick<UnitOfWork, 'transaction'>,
  request: SittingBookingRequest,
  eventsOf: (details: AppointmentDetails) => readonly DomainEvent[],
  now: Date,
): Promise<CommittedBooking> {
  return uow.transaction(async (repositories) => {
    const details = await repositories.appointments.ensureSittingAndBook(request);
    const events = eventsOf(details);
    if (events.length > 0) await repositories.outbox.append(events, now);
    return { details, events };
  });
}
