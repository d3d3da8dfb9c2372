import { z } from 'zod';
import { genders } from './patient.js';
import { PersonName, trimmedString } from '../shared/common-schemas.js';

/** A gender in any case, normalised to lower case. @category Schemas */
export const GenderInput = z.string().trim().toLowerCase().pipe(z.enum(genders));

/** `POST /patient/new`: a patient of the current user. @category Schemas */
export const RegisterPatientInput = z.strictObject({
  name: PersonName,
  age: z.number().int().min(0).max(150),
  gender: GenderInput,
  symptoms: trimmedString(0, 2000).default(''),
});
/** The input `RegisterPatientInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type RegisterPatientInput = z.input<typeof RegisterPatientInput>;
