/** Database identity of a user. @category Models */
export type UserId = number;
/** Database identity of a doctor profile. @category Models */
export type DoctorId = number;
/** Database identity of a patient. @category Models */
export type PatientId = number;
/** Database identity of a weekly slot. @category Models */
export type SlotId = number;
/** Database identity of a sitting (one date of a slot). @category Models */
export type SittingId = number;
/** Database identity of an appointment. @category Models */
export type AppointmentId = number;
/** Database identity of a catalog specialization. @category Models */
export type SpecializationId = number;
/** Database identity of a catalog qualification. @category Models */
export type QualificationId = number;
/** Database identity of a rating. @category Models */
export type RatingId = number;

/** A calendar date without a zone, ISO `YYYY-MM-DD`. @category Models */
export type LocalDate = string;
/** A wall-clock time without a zone, `HH:mm` (24 h). @category Models */
export type LocalTime = string;
/** An IANA time zone name such as `Asia/Karachi`. @category Models */
export type TimeZone = string;

/** The days a weekly slot can fall on, Monday first (ISO weekday 1…7). @category Models */
export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
/** A day a weekly slot can fall on, lower case (`monday` …). @category Models */
export type Weekday = (typeof weekdays)[number];

/** ISO weekday number (Monday = 1 … Sunday = 7) of a {@link Weekday}. @category Models */
export function isoWeekday(day: Weekday): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (weekdays.indexOf(day) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Paging of a list: at most `limit` items after skipping `offset`. @category Models */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/** One page of a list and the size of the whole list. @category Models */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}
