import { DoctorStatusChange } from './doctor-status-change.js';

/**
 * Checks a patient in at the sitting: the doctor of the sitting only.
 * @category Use cases
 */
export class CheckInAppointment extends DoctorStatusChange {
  protected readonly rule = 'appointment.checkIn';
  protected readonly to = 'checked_in';
}
