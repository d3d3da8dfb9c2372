import type { AppointmentStatus } from './appointment.js';

/**
 * The status changes an appointment allows. `cancelled`, `completed` and `no_show` are
 * terminal: history is kept by status changes, never by undoing one. A waiting patient
 * (`booked`, `checked_in`) is called in (`in_consultation`); once called, the patient came,
 * so the consultation can only end as `completed` (not `no_show`, not `cancelled`).
 * @category Booking
 */
export const appointmentTransitions: {
  readonly [from in AppointmentStatus]: readonly AppointmentStatus[];
} = {
  booked: ['cancelled', 'checked_in', 'in_consultation', 'completed', 'no_show'],
  checked_in: ['in_consultation', 'completed', 'no_show', 'cancelled'],
  in_consultation: ['completed'],
  cancelled: [],
  completed: [],
  no_show: [],
};

/** Whether an appointment may move from status `from` to status `to`. @category Booking */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return appointmentTransitions[from].includes(to);
}

/** Whether no status change can leave `status`. @category Booking */
export function isTerminalStatus(status: AppointmentStatus): boolean {
  return appointmentTransitions[status].length === 0;
}
