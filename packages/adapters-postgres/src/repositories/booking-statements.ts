import {
  bookingRefused,
  type AppointmentDetails,
  type BookingRefusal,
  type BookingContext,
  type BookingContextQuery,
  type Patient,
  type Sitting,
  type SittingBookingRequest,
  type Slot,
} from '@doctorly/core';
import { detailsSelect, toDetails, type DetailsRow } from './appointment-details.js';
import { patientColumns, sittingColumns, slotColumns } from './columns.js';

/**
 * What the booking functions answer: `BOOKED` or one of core's booking refusals
 * (`decideBooking`, which `book_appointment` mirrors). A reused idempotency key arrives as
 * the unique index's error instead, mapped by `mapDatabaseError`.
 */
export type BookingOutcomeCode = 'BOOKED' | Exclude<BookingRefusal, 'IDEMPOTENCY_KEY_REUSED'>;

/** The domain error of a refusal: core's, so every store words it the same. */
export const refusal = bookingRefused;

/** `book_appointment_on_date` (migrations/repeatable/042): ensure the sitting, book, read the details back. */
export const bookOnDateStatement = `SELECT b.o_outcome AS outcome, b.o_id AS id, b.o_sitting_id AS "sittingId",
    b.o_slot_id AS "slotId", b.o_doctor_id AS "doctorId", b.o_queue_number AS "queueNumber", b.o_date AS date,
    b.o_sitting_starts_at AS "sittingStartsAt", b.o_sitting_status AS "sittingStatus",
    b.o_duration_minutes AS "durationMinutes", b.o_patient_name AS "patientName",
    b.o_patient_owner_id AS "patientOwnerId", b.o_doctor_name AS "doctorName", b.o_doctor_user_id AS "doctorUserId",
    b.o_waiting_ahead AS "waitingAhead"
  FROM book_appointment_on_date($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11, $12) b`;

/** The parameters of {@link bookOnDateStatement}. */
export function bookOnDateParams(request: SittingBookingRequest): unknown[] {
  const { sitting } = request;
  return [
    sitting.slotId,
    sitting.doctorId,
    sitting.date,
    sitting.startsAt,
    sitting.endsAt,
    sitting.places,
    sitting.durationMinutes,
    request.patientId,
    request.bookedBy,
    request.at,
    request.idempotencyKey,
    request.claimLimit ?? null,
  ];
}

/**
 * `book_appointments_on_dates` (migrations/repeatable/043): {@link bookOnDateStatement} for several
 * requests in one call; each row carries `n`, the position (from 1) of its request.
 */
export const bookManyStatement = `SELECT b.o_n AS n, b.o_outcome AS outcome, b.o_id AS id, b.o_sitting_id AS "sittingId",
    b.o_slot_id AS "slotId", b.o_doctor_id AS "doctorId", b.o_queue_number AS "queueNumber", b.o_date AS date,
    b.o_sitting_starts_at AS "sittingStartsAt", b.o_sitting_status AS "sittingStatus",
    b.o_duration_minutes AS "durationMinutes", b.o_patient_name AS "patientName",
    b.o_patient_owner_id AS "patientOwnerId", b.o_doctor_name AS "doctorName", b.o_doctor_user_id AS "doctorUserId",
    b.o_waiting_ahead AS "waitingAhead"
  FROM book_appointments_on_dates($1, $2, $3::date[], $4, $5, $6, $7, $8, $9, $10, $11, $12::integer[]) b`;

/** The parameters of {@link bookManyStatement}: one array per argument of {@link bookOnDateParams}. */
export function bookManyParams(requests: readonly SittingBookingRequest[]): unknown[] {
  return columnsOf(requests.map(bookOnDateParams));
}

/** A row of {@link bookManyStatement}. */
export type BookedManyRow = BookedOnDateRow & { n: number };

/** A row of {@link bookOnDateStatement}: the outcome, and the details when booked. */
export type BookedOnDateRow = { outcome: BookingOutcomeCode; waitingAhead: number | null } & Omit<
  DetailsRow,
  | 'patientId'
  | 'status'
  | 'bookedBy'
  | 'bookedAt'
  | 'idempotencyKey'
  | 'calledAt'
  | 'completedAt'
  | 'rescheduledTo'
  | 'sittingStartedAt'
>;

/** The appointment's details, from the row and what was asked; a refusal is thrown. */
export function bookedDetails(
  row: BookedOnDateRow | undefined,
  request: SittingBookingRequest,
): AppointmentDetails {
  // A function with OUT parameters always answers one row; no row would be a broken database.
  if (!row) throw new Error('book_appointment_on_date answered no row');
  const { outcome, waitingAhead, ...booked } = row;
  if (outcome !== 'BOOKED') throw refusal(outcome);
  const details = toDetails({
    ...booked,
    patientId: request.patientId,
    status: 'booked',
    bookedBy: request.bookedBy,
    bookedAt: request.at,
    idempotencyKey: request.idempotencyKey,
    // Only a scheduled sitting is booked, and a scheduled sitting has not started; nobody
    // is called in or done at booking.
    calledAt: null,
    completedAt: null,
    rescheduledTo: null,
    sittingStartedAt: null,
  });
  return waitingAhead === null ? details : { ...details, waitingAhead: Number(waitingAhead) };
}

// Four reads in one statement (one round trip, one parse): each as a JSON document, since
// they differ in shape. Dates then come back as ISO strings, turned into Dates below.
const contextColumns = (
  patientId: string,
  slotId: string,
  from: string,
  to: string,
  bookedBy: string,
  key: string,
) => `
  (SELECT to_jsonb(x) FROM (SELECT ${patientColumns('p')} FROM patients p WHERE p.id = ${patientId}) x) AS patient,
  (SELECT to_jsonb(x) FROM (SELECT ${slotColumns('s')} FROM slots s WHERE s.id = ${slotId}) x) AS slot,
  (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.date), '[]'::jsonb) FROM (
    SELECT ${sittingColumns('s')} FROM sittings s WHERE s.slot_id = ${slotId} AND s.date BETWEEN ${from} AND ${to}
  ) x) AS sittings,
  (SELECT to_jsonb(x) FROM (${detailsSelect} WHERE a.booked_by = ${bookedBy} AND a.idempotency_key = ${key}) x) AS earlier`;

/** The booking use case's read: `$1` patient, `$2` slot, `$3`…`$4` sittings window, `$5`/`$6` booker and key. */
export const bookingContextStatement = `SELECT ${contextColumns('$1', '$2', '$3::date', '$4::date', '$5', '$6')}`;

/** The parameters of {@link bookingContextStatement}. */
export function bookingContextParams(query: BookingContextQuery): unknown[] {
  return [
    query.patientId,
    query.slotId,
    query.from,
    query.to,
    query.earlier?.bookedBy ?? null,
    query.earlier?.key ?? null,
  ];
}

/**
 * {@link bookingContextStatement} for several queries at once: each parameter is the array of
 * that parameter's values, and each row carries `n`, the position (from 1) of its query.
 */
export const bookingContextsStatement = `SELECT q.n, ${contextColumns('q.patient_id', 'q.slot_id', 'q.from_date', 'q.to_date', 'q.booked_by', 'q.key')}
FROM unnest($1::integer[], $2::integer[], $3::date[], $4::date[], $5::integer[], $6::text[])
  WITH ORDINALITY AS q(patient_id, slot_id, from_date, to_date, booked_by, key, n)`;

/** The parameters of {@link bookingContextsStatement}. */
export function bookingContextsParams(queries: readonly BookingContextQuery[]): unknown[] {
  return columnsOf(queries.map(bookingContextParams));
}

/** Rows of parameters → one array per parameter. */
function columnsOf(rows: readonly unknown[][]): unknown[][] {
  return rows[0]!.map((_, i) => rows.map((row) => row[i]));
}

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** A row of {@link bookingContextStatement}. */
export interface BookingContextRow {
  patient: Json<Patient> | null;
  slot: Json<Slot> | null;
  sittings: Json<Sitting>[];
  earlier: Json<DetailsRow> | null;
}

const at = (iso: string) => new Date(iso);
const atOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/** The row as core's models, every timestamp a Date again (as the other reads give them). */
export function toBookingContext(row: BookingContextRow): BookingContext {
  const { patient, slot, sittings, earlier } = row;
  return {
    patient: patient ? { ...patient, createdAt: at(patient.createdAt) } : undefined,
    slot: slot ? { ...slot, createdAt: at(slot.createdAt) } : undefined,
    sittings: sittings.map((s) => ({
      ...s,
      startsAt: at(s.startsAt),
      endsAt: at(s.endsAt),
      startedAt: atOrNull(s.startedAt),
    })),
    earlier: earlier
      ? toDetails({
          ...earlier,
          bookedAt: at(earlier.bookedAt),
          calledAt: atOrNull(earlier.calledAt),
          completedAt: atOrNull(earlier.completedAt),
          sittingStartsAt: at(earlier.sittingStartsAt),
          sittingStartedAt: atOrNull(earlier.sittingStartedAt),
        })
      : undefined,
  };
}
