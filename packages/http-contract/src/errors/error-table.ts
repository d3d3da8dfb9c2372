import type { DomainErrorCode } from '@doctorly/core';

/** How every host answers one error code. @category Errors */
export interface ErrorMapping {
  readonly status: number;
  /** What the code means, the same for every occurrence (the `description` of the error body). */
  readonly description: string;
}

/**
 * The one place where domain error codes become HTTP statuses, for every host (Koa, bare
 * `node:http`, yours). Typed as a total record, so a code added to core does not compile
 * until it is mapped here.
 * @category Errors
 */
export const domainErrorTable: Record<DomainErrorCode, ErrorMapping> = {
  VALIDATION_FAILED: {
    status: 400,
    description: 'The request is not valid: see `errors` for each invalid field.',
  },
  UNAUTHENTICATED: {
    status: 401,
    description: 'A valid bearer token is required: get one from POST /auth/get_token.',
  },
  INVALID_CREDENTIALS: { status: 401, description: 'The email or password is wrong.' },
  FORBIDDEN: { status: 403, description: 'The caller may not do this.' },
  RATE_LIMITED: {
    status: 429,
    description: 'Too many attempts: retry after the number of seconds in Retry-After.',
  },
  USER_NOT_FOUND: { status: 404, description: 'No such user.' },
  DOCTOR_NOT_FOUND: { status: 404, description: 'No such doctor (or the caller is not one).' },
  PATIENT_NOT_FOUND: { status: 404, description: 'No such patient visible to the caller.' },
  SLOT_NOT_FOUND: { status: 404, description: 'No such slot visible to the caller.' },
  SITTING_NOT_FOUND: { status: 404, description: 'No such sitting.' },
  APPOINTMENT_NOT_FOUND: { status: 404, description: 'No such appointment visible to the caller.' },
  SPECIALIZATION_NOT_FOUND: { status: 404, description: 'No such specialization in the catalog.' },
  QUALIFICATION_NOT_FOUND: { status: 404, description: 'No such qualification in the catalog.' },
  IMAGE_NOT_FOUND: { status: 404, description: 'No such image.' },
  LEAVE_NOT_FOUND: { status: 404, description: "No such leave of the caller's." },
  EMAIL_TAKEN: { status: 409, description: 'An account with this email exists already.' },
  ALREADY_A_DOCTOR: { status: 409, description: 'This account has a doctor profile already.' },
  NOT_A_DOCTOR: {
    status: 403,
    description: 'Only a doctor may do this: the caller has no doctor profile.',
  },
  SLOT_OVERLAP: { status: 409, description: 'The slot overlaps another slot of the same doctor.' },
  SITTING_FULL: { status: 409, description: 'The sitting has no free place left.' },
  SITTING_CLOSED: {
    status: 409,
    description:
      'The sitting has started or is over: it can no longer be booked, cancelled or started.',
  },
  SITTING_CANCELLED: { status: 409, description: 'The doctor cancelled this sitting.' },
  SITTING_PAST: { status: 409, description: 'The sitting is in the past.' },
  SITTING_OUT_OF_HORIZON: {
    status: 409,
    description: 'The sitting is beyond the booking horizon.',
  },
  PLACES_AVAILABLE: {
    status: 409,
    description:
      'The sitting has a free place and nobody waits for it: book it instead of waiting.',
  },
  ALREADY_WAITING: { status: 409, description: 'The patient already waits for this sitting.' },
  WAITLIST_FULL: {
    status: 409,
    description: 'The waitlist of this sitting is full (three entries per place).',
  },
  WAITLIST_ENTRY_NOT_FOUND: {
    status: 404,
    description: 'No such waitlist entry visible to the caller.',
  },
  SITTING_NOT_ENDED: { status: 409, description: 'The sitting has not ended yet.' },
  TOO_EARLY_TO_START: {
    status: 409,
    description: 'The sitting can be started from two hours before its planned start.',
  },
  NOT_A_SITTING_DATE: {
    status: 400,
    description: 'The slot has no sitting on this date (wrong weekday).',
  },
  ALREADY_BOOKED: {
    status: 409,
    description: 'The patient already holds a place in this sitting.',
  },
  SAME_SITTING: {
    status: 409,
    description: 'The appointment is in this sitting already: choose another date or slot.',
  },
  DIFFERENT_DOCTOR: {
    status: 409,
    description: 'An appointment can only move to a sitting of the same doctor.',
  },
  TOO_LATE_TO_CHANGE: {
    status: 409,
    description:
      'Too close to the planned time: a patient may not cancel or reschedule later than CANCEL_NOTICE_MINUTES before it (the doctor may).',
  },
  INVALID_STATUS_TRANSITION: {
    status: 409,
    description: 'The appointment cannot change to this status from its current one.',
  },
  TOO_MANY_APPOINTMENTS: {
    status: 409,
    description:
      'The account holds MAX_ACTIVE_APPOINTMENTS_PER_USER appointments and waiting entries already (all its patients).',
  },
  TOO_MANY_PATIENTS: {
    status: 409,
    description: 'The account has registered MAX_PATIENTS_PER_USER patients already.',
  },
  ALREADY_RATED: { status: 409, description: 'This appointment has been rated already.' },
  NOT_RATEABLE: { status: 409, description: 'Only a completed appointment can be rated.' },
  LEAVE_REOPENED: { status: 409, description: 'The leave has been re-opened already.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    description: 'This Idempotency-Key was used for a different booking.',
  },
  UNSUPPORTED_IMAGE: {
    status: 415,
    description: 'Only PNG, JPEG and WebP images are accepted (checked by content).',
  },
  UNAVAILABLE: { status: 503, description: 'A backing service is unavailable: retry later.' },
};

/**
 * Failures a host itself detects before any use case runs: they share the error body of
 * the domain codes but have no domain meaning.
 * @category Errors
 */
export const hostErrorTable = {
  ROUTE_NOT_FOUND: { status: 404, description: 'No such endpoint: see /docs for the API.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    description: 'The endpoint does not accept this method: see the Allow header.',
  },
  MALFORMED_BODY: {
    status: 400,
    description: 'The request body could not be parsed (malformed JSON or form data).',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    description: 'The request body or upload is larger than the server accepts.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description: 'The request body has a content type this endpoint does not accept.',
  },
  INTERNAL: {
    status: 500,
    description: 'An unexpected error: quote the request id when reporting it.',
  },
} as const satisfies Record<string, ErrorMapping>;

/** A host-level error code. @category Errors */
export type HostErrorCode = keyof typeof hostErrorTable;

/** Every code an error body can carry. @category Errors */
export type ErrorCode = DomainErrorCode | HostErrorCode;

/** The status and meaning of any error code. @category Errors */
export function mappingOf(code: ErrorCode): ErrorMapping {
  return code in hostErrorTable
    ? hostErrorTable[code as HostErrorCode]
    : domainErrorTable[code as DomainErrorCode];
}
