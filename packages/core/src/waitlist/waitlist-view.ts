import type { LocalDate } from '../shared/primitives.js';
import type { WaitlistEntryDetails, WaitlistStatus } from './waitlist-entry.js';

/** A waitlist entry as the API shows it: the sitting waited for and the place in its queue. @category Views */
export interface WaitlistEntryView {
  id: number;
  patient_id: number;
  patient_name: string;
  status: WaitlistStatus;
  /** 1 for the next entry to be promoted; `null` when it no longer waits. */
  position: number | null;
  /** ISO 8601 instant. */
  joined_at: string;
  /** ISO 8601 instant when it stopped waiting; `null` while waiting. */
  ended_at: string | null;
  /** The appointment its promotion gave it; `null` unless promoted. */
  appointment_id: number | null;
  sitting: {
    id: number;
    slot_id: number;
    doctor_id: number;
    doctor_name: string;
    /** The sitting's local date `YYYY-MM-DD`. */
    date: LocalDate;
    /** ISO 8601 instant. */
    starts_at: string;
    places: number;
  };
}

/** The API view of a waitlist entry. @category Views */
export function toWaitlistEntryView(details: WaitlistEntryDetails): WaitlistEntryView {
  const { entry, sitting } = details;
  return {
    id: entry.id,
    patient_id: entry.patientId,
    patient_name: details.patientName,
    status: entry.status,
    position: details.position,
    joined_at: entry.joinedAt.toISOString(),
    ended_at: entry.endedAt?.toISOString() ?? null,
    appointment_id: entry.appointmentId,
    sitting: {
      id: sitting.id,
      slot_id: sitting.slotId,
      doctor_id: sitting.doctorId,
      doctor_name: details.doctorName,
      date: sitting.date,
      starts_at: sitting.startsAt.toISOString(),
      places: sitting.places,
    },
  };
}
