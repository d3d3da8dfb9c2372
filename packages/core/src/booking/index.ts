// Appointments: the model, the booking decision and status transitions, the repository, then
// booking, cancelling, status changes and the queues, the view and the input schemas.
export * from './appointment.js';
export * from './decide-booking.js';
export * from './booking-limits.js';
export * from './status-transitions.js';
export * from './appointment-repository.js';
export * from './book-appointment.js';
export * from './cancel-appointment.js';
export * from './decide-reschedule.js';
export * from './reschedule-appointment.js';
export { DoctorStatusChange } from './doctor-status-change.js';
export type { DoctorStatusKey } from './change-appointment-status.js';
export * from './check-in-appointment.js';
export * from './complete-appointment.js';
export * from './mark-no-show.js';
export * from './call-appointment.js';
export * from './get-appointment.js';
export * from './get-appointment-history.js';
export * from './list-my-appointments.js';
export * from './list-doctor-patients.js';
export * from './get-sitting-queue.js';
export * from './get-sitting-board.js';
export * from './appointment-view.js';
export * from './sitting-board-view.js';
export {
  liveTimings,
  presentAppointment,
  presentAppointments,
  withLiveTimings,
} from './live-appointment-views.js';
export * from './booking-schemas.js';
export * from './live-expected-time.js';
