import type { z } from 'zod';
import type { Actor } from '../identity/user.js';
import type { Patient } from './patient.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { IdParam } from '../shared/common-schemas.js';
import { toPatientView, type PatientView } from './patient-view.js';
import { parseInput } from '../shared/parse-input.js';
import { authorized, can } from '../access/authorize.js';
import { patientFacts } from '../access/facts.js';

/**
 * One patient (`GET /patient/get/{id}`), for whoever may see it (`patient.read`): its owner,
 * a doctor the patient holds an appointment with, or an admin. To anyone else it does not
 * exist (`PATIENT_NOT_FOUND`). Not cached: who may see it depends on the caller.
 * @category Use cases
 */
export class GetPatient {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, input: z.input<typeof IdParam>): Promise<PatientView> {
    const { id } = parseInput(IdParam, input);
    const found = await this.uow.read.patients.findById(id);
    // Whether the caller treats the patient costs two reads: asked only when the owner's or
    // an admin's relation does not already allow (relations only add up, so this is safe).
    const cheap = patientFacts(id, found);
    const facts =
      found && !can(actor, 'patient.read', cheap)
        ? patientFacts(id, found, await this.treats(actor, found))
        : cheap;
    return toPatientView(authorized(actor, 'patient.read', found, facts));
  }

  /** Whether the caller's doctor profile has `patient` (an appointment in one of its sittings). */
  private async treats(actor: Actor, patient: Patient): Promise<boolean> {
    const doctor = await this.uow.read.doctors.findByUserId(actor.userId);
    return (
      doctor !== undefined &&
      (await this.uow.read.appointments.isPatientOfDoctor(patient.id, doctor.id))
    );
  }
}
