import type { DomainEvent } from '../shared/domain-event.js';
import { cacheTags } from './cache-keys.js';

/**
 * The cache tags a change invalidates: the one table that ties events to cached reads.
 * @category Use cases
 */
export function tagsForEvent(event: DomainEvent): string[] {
  switch (event.type) {
    case 'doctor.changed':
      return [cacheTags.doctor(event.doctorId), cacheTags.doctors];
    case 'sitting.changed':
      return [cacheTags.doctor(event.doctorId), cacheTags.sitting(event.sittingId)];
    // A booking and a promotion are new appointments: the owner's list and the sitting's queue.
    case 'appointment.changed':
    case 'appointment.booked':
    case 'waitlist.promoted':
      return [
        cacheTags.sitting(event.sittingId),
        cacheTags.user(event.ownerId),
        cacheTags.doctor(event.doctorId),
        cacheTags.doctorPrivate(event.doctorId),
      ];
    case 'patient.changed':
      return [cacheTags.user(event.ownerId)];
    case 'user.changed':
      return [cacheTags.user(event.userId)];
    case 'catalog.changed':
      return [cacheTags.catalog, cacheTags.doctors];
  }
}
