import type { AccessFacts } from '../access/relations.js';
import type { PolicyKey } from '../access/policy.js';
import { authorize } from '../access/authorize.js';
import type { Doctor } from '../doctors/doctor.js';
import type { Actor } from '../identity/user.js';
import type { ReadRepositories } from '../shared/unit-of-work.js';
import type { Leave } from './leave.js';

/** The caller's doctor profile, for a leave rule that needs no subject (doctors only). */
export async function callerDoctor(
  read: Pick<ReadRepositories, 'doctors'>,
  actor: Actor,
  key: Extract<PolicyKey, 'leave.take' | 'leave.listOwn'>,
): Promise<Doctor> {
  const doctor = await read.doctors.findByUserId(actor.userId);
  authorize(actor, key, { callerDoctorId: doctor?.id });
  // Both rules allow doctors only, so a caller without a profile was refused above.
  if (doctor === undefined) throw new Error(`${key} allowed a caller without a doctor profile`);
  return doctor;
}

/**
 * The access facts of a leave (`undefined`: there is none), for a caller whose doctor
 * profile is `caller` (`undefined`: they have none): a leave concerns its doctor alone.
 * @category Access
 */
export function leaveFacts(id: number, leave: Leave | undefined, caller: Doctor | undefined): AccessFacts {
  const facts = { id, callerDoctorId: caller?.id };
  return leave === undefined ? { ...facts, exists: false } : { ...facts, doctorId: leave.doctorId };
}
