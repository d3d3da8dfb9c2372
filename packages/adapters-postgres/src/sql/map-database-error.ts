import { DomainError, type DomainErrorCode } from '@doctorly/core';

/**
 * `UNAVAILABLE` because of a serialization failure or a deadlock: the transaction may
 * succeed when run again, and {@link PostgresUnitOfWork} does so a few times before giving
 * up. Outside a transaction it is just `UNAVAILABLE`.
 * @category Adapters
 */
export class RetryableDatabaseError extends DomainError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}

/** Unique, exclusion and foreign-key constraints by name → the domain's word for them. */
const constraintCodes: Readonly<Record<string, DomainErrorCode>> = {
  users_email_key: 'EMAIL_TAKEN',
  doctors_user_key: 'ALREADY_A_DOCTOR',
  slots_no_overlap: 'SLOT_OVERLAP',
  appointments_active_patient_key: 'ALREADY_BOOKED',
  appointments_active_queue_key: 'SITTING_FULL',
  sittings_booked_check: 'SITTING_FULL',
  appointments_idempotency_key: 'IDEMPOTENCY_KEY_REUSED',
  ratings_appointment_key: 'ALREADY_RATED',
  waitlist_entries_waiting_patient_key: 'ALREADY_WAITING',
  sittings_waiting_check: 'WAITLIST_FULL',
  waitlist_entries_patient_fkey: 'PATIENT_NOT_FOUND',
  waitlist_entries_joined_by_fkey: 'USER_NOT_FOUND',
  doctors_user_fkey: 'USER_NOT_FOUND',
  patients_owner_fkey: 'USER_NOT_FOUND',
  appointments_booked_by_fkey: 'USER_NOT_FOUND',
  appointment_history_actor_fkey: 'USER_NOT_FOUND',
  ratings_rated_by_fkey: 'USER_NOT_FOUND',
  doctor_specializations_doctor_fkey: 'DOCTOR_NOT_FOUND',
  doctor_qualifications_doctor_fkey: 'DOCTOR_NOT_FOUND',
  slots_doctor_fkey: 'DOCTOR_NOT_FOUND',
  ratings_doctor_fkey: 'DOCTOR_NOT_FOUND',
  doctor_specializations_specialization_fkey: 'SPECIALIZATION_NOT_FOUND',
  doctor_qualifications_qualification_fkey: 'QUALIFICATION_NOT_FOUND',
  sittings_slot_fkey: 'SLOT_NOT_FOUND',
  appointments_sitting_fkey: 'SITTING_NOT_FOUND',
  appointments_patient_fkey: 'PATIENT_NOT_FOUND',
  ratings_patient_fkey: 'PATIENT_NOT_FOUND',
  ratings_appointment_fkey: 'APPOINTMENT_NOT_FOUND',
  appointment_history_appointment_fkey: 'APPOINTMENT_NOT_FOUND',
};

/** Node socket errors: the server is not there (any more). */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/** Messages of pg and PGlite when a connection is gone or a pool/database was closed. */
const unavailableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
  /pglite is closed/i,
  /connection (?:error|ended)/i,
];

interface DriverError {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly message?: unknown;
}

/**
 * Turns what pg or PGlite threw into what the ports promise: a {@link DomainError} for a
 * violated constraint (by its name) or bad data, `UNAVAILABLE` when the database cannot
 * answer (connection lost or refused, admin shutdown, too many connections, timeouts),
 * {@link RetryableDatabaseError} for serialization failures and deadlocks. Anything else
 * (a bug: syntax error, missing column) is returned as it came.
 * @category Adapters
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError || typeof error !== 'object' || error === null) return error;
  const { code, constraint, message } = error as DriverError;
  const text = typeof message === 'string' ? message : '';
  const named = typeof constraint === 'string' ? constraintCodes[constraint] : undefined;
  if (typeof code === 'string') {
    if (code === '40001' || code === '40P01')
      return new RetryableDatabaseError(`Transaction conflict (${code}): ${text}`);
    if ((code === '23505' || code === '23P01' || code === '23503' || code === '23514') && named) {
      return new DomainError(named, `${named}: ${text}`);
    }
    // Any other constraint or a value the column cannot hold: the input was not valid.
    if (code.startsWith('23') || code.startsWith('22'))
      return new DomainError('VALIDATION_FAILED', text);
    if (
      code.startsWith('08') ||
      code.startsWith('53') ||
      code.startsWith('57') ||
      code === '58000' ||
      code === '58030'
    ) {
      return new DomainError('UNAVAILABLE', `Database unavailable (${code}): ${text}`);
    }
    if (networkErrorCodes.has(code))
      return new DomainError('UNAVAILABLE', `Database unreachable (${code}): ${text}`);
  }
  if (unavailableMessages.some((pattern) => pattern.test(text)))
    return new DomainError('UNAVAILABLE', `Database unavailable: ${text}`);
  return error;
}
