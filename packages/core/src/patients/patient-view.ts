import type { Gender, Patient } from './patient.js';

/** A patient as the API shows it (the owner is implied by who may read it). @category Views */
export interface PatientView {
  id: number;
  name: string;
  age: number;
  gender: Gender;
  symptoms: string;
  /** ISO 8601 instant. */
  created_at: string;
}

/** The API view of a patient. @category Views */
export function toPatientView(patient: Patient): PatientView {
  return {
    id: patient.id,
    name: patient.name,
    age: patient.age,
    gender: patient.gender,
    symptoms: patient.symptoms,
    created_at: patient.createdAt.toISOString(),
  };
}
