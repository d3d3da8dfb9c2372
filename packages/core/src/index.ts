/**
 * `@doctorly/core`: Doctorly's pure domain. Entities, scheduling and booking rules, use
 * cases and the ports they need; no I/O, no clock, no environment.
 * @module @doctorly/core
 */
export * from './errors/domain-error.js';
export * from './events/domain-event.js';
export * from './models/index.js';
export * from './ports/index.js';
export * from './views/doctor-view.js';
export { parseInput } from './use-cases/shared/parse-input.js';
export { commit, type Committed } from './use-cases/shared/commit.js';
export { commitBookingInTransaction } from './use-cases/shared/commit-booking.js';
export * from './scheduling/index.js';
export * from './booking/index.js';
export * from './schemas/index.js';
export * from './views/index.js';
export * from './cache/index.js';
export * from './use-cases/register-user/register-user.js';
export * from './use-cases/create-admin/create-admin.js';
export * from './use-cases/issue-token/issue-token.js';
export * from './use-cases/revoke-token/revoke-token.js';
export * from './use-cases/authenticate/authenticate.js';
export * from './use-cases/get-current-user/get-current-user.js';
export * from './use-cases/register-doctor/register-doctor.js';
export * from './use-cases/get-current-doctor/get-current-doctor.js';
export * from './use-cases/get-doctor/get-doctor.js';
export * from './use-cases/list-doctors/list-doctors.js';
export * from './use-cases/set-doctor-image/set-doctor-image.js';
export * from './use-cases/set-specialization-image/set-specialization-image.js';
export * from './use-cases/add-qualifications/add-qualifications.js';
export * from './use-cases/add-specializations/add-specializations.js';
export * from './use-cases/add-slot/add-slot.js';
export * from './use-cases/list-doctor-slots/list-doctor-slots.js';
export * from './use-cases/list-specializations/list-specializations.js';
export * from './use-cases/list-qualifications/list-qualifications.js';
export * from './use-cases/register-patient/register-patient.js';
export * from './use-cases/list-patients/list-patients.js';
export * from './use-cases/get-patient/get-patient.js';
export * from './use-cases/search-doctors/search-doctors.js';
export * from './use-cases/popular-doctors/popular-doctors.js';
export * from './use-cases/seed-catalog/seed-catalog.js';
export * from './use-cases/book-appointment/book-appointment.js';
export * from './use-cases/get-timings/get-timings.js';
export * from './use-cases/list-my-appointments/list-my-appointments.js';
export * from './use-cases/get-appointment-history/get-appointment-history.js';
export * from './use-cases/list-doctor-patients/list-doctor-patients.js';
export * from './use-cases/get-sitting-queue/get-sitting-queue.js';
export * from './use-cases/cancel-appointment/cancel-appointment.js';
export * from './use-cases/cancel-sitting/cancel-sitting.js';
export * from './use-cases/check-in-appointment/check-in-appointment.js';
export * from './use-cases/complete-appointment/complete-appointment.js';
export * from './use-cases/mark-no-show/mark-no-show.js';
export * from './use-cases/rate-doctor/rate-doctor.js';
export * from './use-cases/materialize-sittings/materialize-sittings.js';
export * from './use-cases/close-ended-sittings/close-ended-sittings.js';
export * from './use-cases/relay-outbox/relay-outbox.js';
export * from './use-cases/reconcile-search-index/reconcile-search-index.js';
export * from './search/name-match.js';
