import { authorize } from '../access/authorize.js';
import type { PolicyKey } from '../access/policy.js';
import type { Actor } from '../identity/user.js';
import type { Doctor } from './doctor.js';
import type { DoctorReader } from './doctor-repository.js';

/** The rules about the caller's own doctor profile: each allows doctors only. */
export type DoctorProfileKey = Extract<PolicyKey, `profile.${string}`>;

/**
 * The caller's doctor profile, for one of the `profile.*` rules; the refusal of a caller
 * without one (`NOT_A_DOCTOR`) is the access policy's. The one lookup of the caller's doctor.
 */
export async function doctorOfActor(
  doctors: Pick<DoctorReader, 'findByUserId'>,
  actor: Actor,
  key: DoctorProfileKey,
): Promise<Doctor> {
  const doctor = await doctors.findByUserId(actor.userId);
  authorize(actor, key, { callerDoctorId: doctor?.id });
  // Every profile rule allows doctors only, so a caller without a profile was refused above.
  if (doctor === undefined) throw new Error(`${key} allowed a caller without a doctor profile`);
  return doctor;
}
