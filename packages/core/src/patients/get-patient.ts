import type { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../identity/user.js';
import type { Patient } from './patient.js';
import type { UnitOfWork } from '../shared/unit-of-work.js';
import { IdParam } from '../shared/common-schemas.js';
import { toPatientView, type PatientView } from './patient-view.js';
import { parseInput } from '../shared/parse-input.js';

/**
 * One patient (`GET /patient/get/{id}`), for whoever may see it: its owner, a doctor the
 * patient holds an appointment with, or an admin. To anyone else it does not exist
 * (`PATIENT_NOT_FOUND`). Not cached: who may see it depends on the caller.
 * @category Use cases
 */
export class GetPatient {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, input: z.input<typeof IdParam>): Promise<PatientView> {
    const { id } = parseInput(IdParam, input);
    const patient = await this.uow.read.patients.findById(id);
    if (!patient || !(await this.maySee(actor, patient))) {
      throw new DomainError('PATIENT_NOT_FOUND', `There is no patient ${id}.`);
    }
    return toPatientView(patient);
  }

  private async maySee(actor: Actor, patient: Patient): Promise<boolean> {
    if (patient.ownerId === actor.userId || actor.role === 'admin') return true;
    const doctor = await this.uow.read.doctors.findByUserId(actor.userId);
    return doctor !== undefined && (await this.uow.read.appointments.isPatientOfDoctor(patient.id, doctor.id));
  }
}
