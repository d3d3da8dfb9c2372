import type { DomainEvent } from '../shared/domain-event.js';
import type { Promotion } from './waitlist-repository.js';
import { appointmentBooked, sittingChanged } from '../booking/appointment-events.js';

/**
 * What promotions tell the rest of the system: per promotion `waitlist.promoted` and
 * `appointment.booked`, then, when any, one `sitting.changed`.
 */
export function promotionEvents(promoted: readonly Promotion[]): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (const { entry, appointment } of promoted) {
    events.push(
      {
        type: 'waitlist.promoted',
        entryId: entry.id,
        appointmentId: appointment.id,
        sittingId: appointment.sittingId,
        doctorId: appointment.doctorId,
        patientId: appointment.patientId,
        ownerId: entry.joinedBy,
      },
      appointmentBooked(appointment),
    );
  }
  const first = promoted[0]?.appointment;
  if (first)
    events.push(
      sittingChanged({ id: first.sittingId, slotId: first.slotId, doctorId: first.doctorId }),
    );
  return events;
}
