import type {
  AppointmentId,
  DoctorId,
  PatientId,
  SittingId,
  SlotId,
  UserId,
} from '../shared/primitives.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { AccessFacts } from '../access/relations.js';

/** Database identity of a waitlist entry. @category Models */
export type WaitlistEntryId = number;

/**
 * Every status of a waitlist entry: `waiting` in the sitting's queue (first come, first
 * served), then `promoted` (it got an appointment), `left` (its owner took it back) or
 * `expired` (the sitting started, closed or was cancelled first).
 * @category Models
 */
export const waitlistStatuses = ['waiting', 'promoted', 'left', 'expired'] as const;
/** The status of a {@link WaitlistEntry}. @category Models */
export type WaitlistStatus = (typeof waitlistStatuses)[number];

/** A patient waiting for a place in a full sitting. @category Models */
export interface WaitlistEntry {
  /** Increasing in the order of joining: the queue's order (FIFO). */
  readonly id: WaitlistEntryId;
  readonly sittingId: SittingId;
  readonly slotId: SlotId;
  readonly doctorId: DoctorId;
  readonly patientId: PatientId;
  /** The user who put the patient on the list (the patient's owner); the promoted appointment's booker. */
  readonly joinedBy: UserId;
  readonly joinedAt: Date;
  readonly status: WaitlistStatus;
  /** When it stopped waiting; `null` while waiting. */
  readonly endedAt: Date | null;
  /** The appointment its promotion gave it; `null` unless promoted. */
  readonly appointmentId: AppointmentId | null;
}

/** An entry with what presenting it needs: its sitting, names and place in the queue. @category Models */
export interface WaitlistEntryDetails {
  readonly entry: WaitlistEntry;
  readonly sitting: Sitting;
  /** 1 for the first waiting entry of the sitting; `null` when not waiting. */
  readonly position: number | null;
  readonly patientName: string;
  readonly doctorName: string;
}

/** The history reason of an appointment given by a promotion. @category Models */
export const promotionReason = 'promoted from the waitlist';

/** How long an ended entry still shows in its owner's list (`GET /patient/waitlist`). @category Models */
export const endedEntriesShownDays = 7;

/** The access facts of a waitlist entry (`undefined`: there is none): its owner is the user who joined. @category Access */
export function waitlistEntryFacts(
  id: WaitlistEntryId,
  details: WaitlistEntryDetails | undefined,
): AccessFacts {
  return details === undefined ? { id, exists: false } : { id, ownerId: details.entry.joinedBy };
}
