import { z } from 'zod';
import { CoercedId, Id, LocalDateString, trimmedString } from '../shared/common-schemas.js';

/** A reason given with a cancellation, kept in the history. */
const Reason = trimmedString(1, 500).optional();

/**
 * `POST /patient/new_appointment`: a place for one of the caller's patients in a sitting of
 * `slot_id`, on `date` (default: the next open sitting). `idempotency_key` (the
 * `Idempotency-Key` header) makes a retried request return the first booking.
 * @category Schemas
 */
export const BookAppointmentInput = z.strictObject({
  patient_id: Id,
  slot_id: Id,
  date: LocalDateString.optional(),
  idempotency_key: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'Expected printable ASCII.')
    .optional(),
});
/** The input `BookAppointmentInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type BookAppointmentInput = z.input<typeof BookAppointmentInput>;

/** An appointment by id (path `{id}`): history, check-in, completion, no-show. @category Schemas */
export const AppointmentIdInput = z.strictObject({ id: CoercedId });
/** One stored sitting by its id (`GET /sittings/{id}/board`, `POST /doctors/sittings/{id}/start`). @category Schemas */
export const SittingIdInput = z.strictObject({ id: CoercedId });
/** The input `SittingIdInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type SittingIdInput = z.input<typeof SittingIdInput>;
/** The input `AppointmentIdInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type AppointmentIdInput = z.input<typeof AppointmentIdInput>;

/** Cancels an appointment (its owner or its doctor). @category Schemas */
export const CancelAppointmentInput = z.strictObject({ id: CoercedId, reason: Reason });
/** The input `CancelAppointmentInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type CancelAppointmentInput = z.input<typeof CancelAppointmentInput>;

/**
 * Moves an appointment (its owner's) to another sitting of the same doctor: the sitting of
 * `slot_id` (default: the appointment's own slot) on `date` (default: that slot's next open
 * sitting).
 * @category Schemas
 */
export const RescheduleAppointmentInput = z.strictObject({
  id: CoercedId,
  slot_id: Id.optional(),
  date: LocalDateString.optional(),
});
/** The input `RescheduleAppointmentInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type RescheduleAppointmentInput = z.input<typeof RescheduleAppointmentInput>;

/** A doctor cancels one date's sitting of their slot. @category Schemas */
export const CancelSittingInput = z.strictObject({
  slot_id: CoercedId,
  date: LocalDateString,
  reason: Reason,
});
/** The input `CancelSittingInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type CancelSittingInput = z.input<typeof CancelSittingInput>;

/** The queue of one sitting of the doctor's slot (`date` omitted: the next sitting). @category Schemas */
export const SittingQueueInput = z.strictObject({
  slot_id: CoercedId,
  date: LocalDateString.optional(),
});
/** The input `SittingQueueInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type SittingQueueInput = z.input<typeof SittingQueueInput>;

/** Rates the doctor of a completed appointment, once: 1–5 whole stars and a review. @category Schemas */
export const RateDoctorInput = z.strictObject({
  appointment_id: Id,
  stars: z.number().int().min(1).max(5),
  review: trimmedString(0, 2000).default(''),
});
/** The input `RateDoctorInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type RateDoctorInput = z.input<typeof RateDoctorInput>;
