import type { PatientId, UserId } from '../shared/primitives.js';

/** The genders a patient can be recorded with. @category Models */
export const genders = ['male', 'female', 'other'] as const;
/** A patient's gender. @category Models */
export type Gender = (typeof genders)[number];

/** A person a user books for (themselves, family); owned by that user. @category Models */
export interface Patient {
  readonly id: PatientId;
  readonly ownerId: UserId;
  readonly name: string;
  readonly age: number;
  readonly gender: Gender;
  readonly symptoms: string;
  readonly createdAt: Date;
}

/** What a repository needs to create a {@link Patient}. @category Models */
export type NewPatient = Omit<Patient, 'id'>;
