import { DomainError } from '../shared/domain-error.js';
import type { Doctor } from './doctor.js';
import type { Actor } from '../identity/user.js';
import type { DoctorReader } from './doctor-repository.js';

/** The caller's doctor profile; `NOT_A_DOCTOR` when the caller has none. */
export async function doctorOfActor(doctors: DoctorReader, actor: Actor): Promise<Doctor> {
  const doctor = await doctors.findByUserId(actor.userId);
  if (!doctor) throw new DomainError('NOT_A_DOCTOR', 'Only a doctor can do this.');
  return doctor;
}
