import { DoctorStatusChange } from './doctor-status-change.js';

/**
 * Marks a patient as not having come: the doctor of the sitting only. The place stays taken (the queue numbers after it keep their times).
 * @category Use cases
 */
export class MarkNoShow extends DoctorStatusChange {
  protected readonly rule = 'appointment.markNoShow';
  protected readonly to = 'no_show';
}
