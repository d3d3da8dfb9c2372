/**
 * Every expected failure of the domain, as a closed set of stable codes. The HTTP host maps
 * each to a status in one typed table, so adding a code does not compile until it is mapped.
 * A resource the caller may not see is reported with its `*_NOT_FOUND` code, never as
 * forbidden, so that its existence does not leak.
 * @category Errors
 */
export const domainErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'RATE_LIMITED',
  'USER_NOT_FOUND',
  'DOCTOR_NOT_FOUND',
  'PATIENT_NOT_FOUND',
  'SLOT_NOT_FOUND',
  'SITTING_NOT_FOUND',
  'APPOINTMENT_NOT_FOUND',
  'SPECIALIZATION_NOT_FOUND',
  'QUALIFICATION_NOT_FOUND',
  'IMAGE_NOT_FOUND',
  'LEAVE_NOT_FOUND',
  'EMAIL_TAKEN',
  'ALREADY_A_DOCTOR',
  'NOT_A_DOCTOR',
  'SLOT_OVERLAP',
  'SITTING_FULL',
  'SITTING_CLOSED',
  'SITTING_CANCELLED',
  'SITTING_PAST',
  'SITTING_OUT_OF_HORIZON',
  'SITTING_NOT_ENDED',
  'TOO_EARLY_TO_START',
  'NOT_A_SITTING_DATE',
  'ALREADY_BOOKED',
  'SAME_SITTING',
  'DIFFERENT_DOCTOR',
  'TOO_LATE_TO_CHANGE',
  'PLACES_AVAILABLE',
  'ALREADY_WAITING',
  'WAITLIST_FULL',
  'WAITLIST_ENTRY_NOT_FOUND',
  'INVALID_STATUS_TRANSITION',
  'ALREADY_RATED',
  'NOT_RATEABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'TOO_MANY_APPOINTMENTS',
  'TOO_MANY_PATIENTS',
  'UNSUPPORTED_IMAGE',
  'LEAVE_REOPENED',
  'UNAVAILABLE',
] as const;

/** The stable code of an expected failure; hosts map each to a status. @category Errors */
export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** One invalid field of an input, named by its path (`"slot.start"`, `"[2].name"`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * An expected failure: a rule said no. Anything else thrown inside a use case is a bug.
 * @category Errors
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

/** Whether `error` is a {@link DomainError}, optionally of one code. @category Errors */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
