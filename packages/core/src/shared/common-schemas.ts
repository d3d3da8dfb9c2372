import { z } from 'zod';
import { normalizeEmail } from '../identity/user.js';

/** The largest id a PostgreSQL `integer` column holds: larger ids cannot exist. */
const maxId = 2_147_483_647;

/** A trimmed string of `min`…`max` characters (after trimming). @category Schemas */
export function trimmedString(min: number, max: number): z.ZodString {
  return z.string().trim().min(min).max(max);
}

/** An id in a JSON body: a positive integer. @category Schemas */
export const Id = z.number().int().min(1).max(maxId);

/** An id from a path or a query string: a positive integer, also given as digits. @category Schemas */
export const CoercedId = z.coerce.number().int().min(1).max(maxId);

/** A path parameter `{id}`. @category Schemas */
export const IdParam = z.strictObject({ id: CoercedId });
/** The input `IdParam` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type IdParam = z.input<typeof IdParam>;

/** `limit` and `offset` of a page, from a query string. @category Schemas */
export const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** A page of a list: `limit` 1…100 (default 20), `offset` ≥ 0 (default 0). @category Schemas */
export const PageInput = z.strictObject(pageFields);
/** The input `PageInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type PageInput = z.input<typeof PageInput>;

/** An email: trimmed, lower-cased ({@link normalizeEmail}) and validated. @category Schemas */
export const Email = z.string().max(254).overwrite(normalizeEmail).pipe(z.email());

/** A password: 8…128 characters, taken as typed (never trimmed). @category Schemas */
export const Password = z.string().min(8).max(128);

/** A person's name: 1…100 characters after trimming. @category Schemas */
export const PersonName = trimmedString(1, 100);

/** An ISO calendar date `YYYY-MM-DD` that exists. @category Schemas */
export const LocalDateString = z.iso.date();
