import { z } from 'zod';
import { CatalogName, WeekdayInput } from '../doctors/doctor-schemas.js';
import { pageFields, trimmedString } from '../shared/common-schemas.js';

/** Orders of a doctor search. @category Schemas */
export const doctorSearchSorts = ['relevance', 'rating', 'experience', 'name'] as const;

/**
 * A doctor search from a query string: every given filter must hold. `order` defaults to
 * ascending for `relevance` and `name`, descending for `rating` and `experience`.
 * @category Schemas
 */
export const SearchDoctorsInput = z.strictObject({
  name: trimmedString(1, 100).optional(),
  specialization: CatalogName.optional(),
  qualification: CatalogName.optional(),
  day: WeekdayInput.optional(),
  sort: z.enum(doctorSearchSorts).default('relevance'),
  order: z.enum(['asc', 'desc']).optional(),
  ...pageFields,
});
/** The input `SearchDoctorsInput` accepts as a caller writes it, before parsing and defaults. @category Schemas */
export type SearchDoctorsInput = z.input<typeof SearchDoctorsInput>;
