import { DoctorStatusChange } from './doctor-status-change.js';

/**
 * Marks an appointment completed (the patient was seen): the doctor of the sitting only. A completed appointment can be rated.
 * @category Use cases
 */
export class CompleteAppointment extends DoctorStatusChange {
  protected readonly rule = 'appointment.complete';
  protected readonly to = 'completed';
}
