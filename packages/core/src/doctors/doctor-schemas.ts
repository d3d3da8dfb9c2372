import { IANAZone } from 'luxon';
import { z } from 'zod';
import { normalizeCatalogName } from '../catalog/catalog.js';
import { weekdays } from '../shared/primitives.js';
import { slotLimits } from '../scheduling/slot.js';
import { slotEndsByMidnight } from '../scheduling/local-time.js';
import { trimmedString } from '../shared/common-schemas.js';

/** A weekday in any case (`Monday`, `MONDAY`), normalised to lower case. @category Schemas */
export const WeekdayInput = z.string().trim().toLowerCase().pipe(z.enum(weekdays));

/** A local wall-clock time `HH:mm`, 00:00…23:59. @category Schemas */
export const LocalTimeInput = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time HH:mm (00:00–23:59).');

/** An IANA time zone name (`Asia/Karachi`), canonicalised (`asia/karachi` → `Asia/Karachi`). @category Schemas */
export const TimeZoneInput = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), {
    message: 'Expected an IANA time zone such as Asia/Karachi.',
    abort: true,
  })
  .overwrite(canonicalZone);

/** The runtime's spelling of a valid zone name; an invalid name is left for the refinement to refuse. */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/** A catalog name (specialization, qualification): trimmed, lower-cased, spaces collapsed. @category Schemas */
export const CatalogName = trimmedString(1, 100).overwrite(normalizeCatalogName);

/** `POST /doctors/add_slot`: a weekly sitting template; it must end by local midnight. @category Schemas */
export const AddSlotInput = z
  .strictObject({
    day: WeekdayInput,
    start: LocalTimeInput,
    consultation_fee: z.number().min(0).max(slotLimits.maxFee),
    appointment_duration: z
      .number()
      .int()
      .min(slotLimits.minDurationMinutes)
      .max(slotLimits.maxDurationMinutes),
    num_slots: z.number().int().min(slotLimits.minPlaces).max(slotLimits.maxPlaces),
    time_zone: TimeZoneInput.optional(),
  })
  .refine((slot) => slotEndsByMidnight(slot.start, slot.appointment_duration, slot.num_slots), {
    path: ['num_slots'],
    message: 'The slot must end by midnight: start + appointment_duration × num_slots ≤ 24:00.',
    // Only a slot whose fields are all valid has an end to check.
    when: (payload) => payload.issues.length === 0,
  });
/** The input `AddSlotInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type AddSlotInput = z.input<typeof AddSlotInput>;

/**
 * A qualification's date: an ISO date `YYYY-MM-DD`, or a year (`2019` or `"2019"`, meaning
 * 1 January). Whether it lies in the future is checked by the use case, which knows the time.
 * @category Schemas
 */
export const ProcurementDate = z
  .union([
    z.int().min(1900).max(9999),
    z
      .string()
      .trim()
      .regex(/^\d{4}$/),
    z.iso.date(),
  ])
  .transform((value) =>
    typeof value === 'number' || /^\d{4}$/.test(value) ? `${value}-01-01` : value,
  );

/** `POST /doctors/add_qualifications`: three parallel arrays of equal length. @category Schemas */
export const AddQualificationsInput = z
  .strictObject({
    qualification_name: z.array(CatalogName).min(1).max(50),
    procurement_year: z.array(ProcurementDate).min(1).max(50),
    institute_name: z.array(trimmedString(1, 200)).min(1).max(50),
  })
  .superRefine((input, ctx) => {
    if (!Array.isArray(input.qualification_name)) return;
    const count = input.qualification_name.length;
    for (const field of ['procurement_year', 'institute_name'] as const) {
      // A field that is not even an array has its own issue already.
      if (Array.isArray(input[field]) && input[field].length !== count) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `Expected ${count} items, like qualification_name.`,
        });
      }
    }
  });
/** The input `AddQualificationsInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type AddQualificationsInput = z.input<typeof AddQualificationsInput>;

/** `POST /doctors/add_specializations`: catalog names. @category Schemas */
export const AddSpecializationsInput = z.strictObject({
  specialization_name: z.array(CatalogName).min(1).max(50),
});
/** The input `AddSpecializationsInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type AddSpecializationsInput = z.input<typeof AddSpecializationsInput>;
