import { z } from 'zod';
import { CoercedId, Id, LocalDateString } from '../shared/common-schemas.js';

/**
 * `POST /patient/waitlist`: one of the caller's patients waits for a place in the full
 * sitting of `slot_id` on `date` (default: the next open sitting).
 * @category Schemas
 */
export const JoinWaitlistInput = z.strictObject({
  patient_id: Id,
  slot_id: Id,
  date: LocalDateString.optional(),
});
/** The input `JoinWaitlistInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type JoinWaitlistInput = z.input<typeof JoinWaitlistInput>;

/** A waitlist entry by id (path `{id}`). @category Schemas */
export const WaitlistEntryIdInput = z.strictObject({ id: CoercedId });
/** The input `WaitlistEntryIdInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type WaitlistEntryIdInput = z.input<typeof WaitlistEntryIdInput>;
