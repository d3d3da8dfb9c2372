import { z } from 'zod';
import { normalizeEmail } from './user.js';
import { Email, Password, PersonName, trimmedString } from '../shared/common-schemas.js';

/** `POST /users/register`: a new account (always role `user`). @category Schemas */
export const RegisterUserInput = z.strictObject({
  name: PersonName,
  email: Email,
  password: Password,
});
/** The input `RegisterUserInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type RegisterUserInput = z.input<typeof RegisterUserInput>;

/** An administrator account, created from the command line only. @category Schemas */
export const CreateAdminInput = RegisterUserInput;
/** The input `CreateAdminInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type CreateAdminInput = z.input<typeof CreateAdminInput>;

/**
 * `POST /auth/get_token`: credentials (from HTTP Basic) and the caller's network address,
 * which is rate-limited too. The password is not length-checked: a login only compares it.
 * @category Schemas
 */
export const IssueTokenInput = z.strictObject({
  email: z.string().max(254).overwrite(normalizeEmail),
  password: z.string().max(1024),
  address: z.string().max(100).optional(),
});
/** The input `IssueTokenInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type IssueTokenInput = z.input<typeof IssueTokenInput>;

/** `POST /doctors/new`: a new account with a doctor profile. @category Schemas */
export const RegisterDoctorInput = z.strictObject({
  name: PersonName,
  email: Email,
  password: Password,
  description: trimmedString(0, 2000).default(''),
});
/** The input `RegisterDoctorInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type RegisterDoctorInput = z.input<typeof RegisterDoctorInput>;
