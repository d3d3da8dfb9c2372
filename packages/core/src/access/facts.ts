import type { AppointmentDetails } from '../booking/appointment.js';
import type { Doctor } from '../doctors/doctor.js';
import type { Patient } from '../patients/patient.js';
import type { Slot } from '../scheduling/slot.js';
import type { Sitting } from '../scheduling/sitting.js';
import type { AccessFacts } from './relations.js';

/**
 * The access facts of an appointment (`undefined`: there is none) — its patient's owner and
 * its sitting's doctor, both already in its details.
 * @category Access
 */
export function appointmentFacts(id: number, details: AppointmentDetails | undefined): AccessFacts {
  if (details === undefined) return { id, exists: false };
  return { id, ownerId: details.patientOwnerId, doctorUserId: details.doctorUserId };
}

/**
 * The access facts of a patient (`undefined`: there is none). `treatedByCaller` is the
 * store's answer to whether the caller's doctor profile has this patient; a use case may
 * leave it out when the cheaper facts already allow (relations only ever add up).
 * @category Access
 */
export function patientFacts(
  id: number,
  patient: Patient | undefined,
  treatedByCaller?: boolean,
): AccessFacts {
  if (patient === undefined) return { id, exists: false };
  return { id, ownerId: patient.ownerId, treatedByCaller };
}

/**
 * The access facts of a slot's sittings (`undefined`: no such slot), for a caller whose
 * doctor profile is `callerDoctor` (`undefined`: they have none).
 * @category Access
 */
export function slotFacts(
  id: number,
  slot: Slot | undefined,
  callerDoctor: Doctor | undefined,
): AccessFacts {
  const caller = { id, callerDoctorId: callerDoctor?.id };
  return slot === undefined ? { ...caller, exists: false } : { ...caller, doctorId: slot.doctorId };
}

/**
 * The access facts of one stored sitting (`undefined`: no such sitting), for a caller whose
 * doctor profile is `callerDoctor` (`undefined`: they have none).
 * @category Access
 */
export function sittingFacts(
  id: number,
  sitting: Sitting | undefined,
  callerDoctor: Doctor | undefined,
): AccessFacts {
  const caller = { id, callerDoctorId: callerDoctor?.id };
  return sitting === undefined
    ? { ...caller, exists: false }
    : { ...caller, doctorId: sitting.doctorId };
}
