import type { AccessFacts } from '../access/relations.js';
import type { Doctor } from '../doctors/doctor.js';
import type { Leave } from './leave.js';

/**
 * The access facts of a leave (`undefined`: there is none), for a caller whose doctor
 * profile is `caller` (`undefined`: they have none): a leave concerns its doctor alone.
 * @category Access
 */
export function leaveFacts(
  id: number,
  leave: Leave | undefined,
  caller: Doctor | undefined,
): AccessFacts {
  const facts = { id, callerDoctorId: caller?.id };
  return leave === undefined ? { ...facts, exists: false } : { ...facts, doctorId: leave.doctorId };
}
