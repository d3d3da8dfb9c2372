import { CatalogName, CoercedId, PageInput, WeekdayInput, trimmedString, type SearchDoctorsInput } from '@doctorly/core';
import { DoctorViewSchema, QualificationViewSchema, SpecializationViewSchema } from '../openapi/view-schemas.js';
import { z } from '../openapi/zod.js';
import type { RouteDeps } from './deps.js';
import { route, untrusted, type RouteDefinition } from './route.js';
import { uploadedImage } from './upload.js';

/** The seed's one-filter searches: `/misc/doctors/{filter}/{value}`, paged. */
const searches = [
  { path: '/misc/doctors/day/{day}', param: 'day', filter: 'day', schema: WeekdayInput, operationId: 'doctorsByDay', what: 'with a slot on a weekday' },
  { path: '/misc/doctors/{name}', param: 'name', filter: 'name', schema: trimmedString(1, 100), operationId: 'doctorsByName', what: 'by name (words by prefix, one typo tolerated)' },
  { path: '/misc/doctors/specialization/{name}', param: 'name', filter: 'specialization', schema: CatalogName, operationId: 'doctorsBySpecialization', what: 'with a specialization' },
  { path: '/misc/doctors/qualification/{name}', param: 'name', filter: 'qualification', schema: CatalogName, operationId: 'doctorsByQualification', what: 'with a qualification' },
] as const satisfies readonly { filter: keyof SearchDoctorsInput; [key: string]: unknown }[];

/** The catalog, the seed's searches and the specialization image. */
export function miscRoutes({ runtime, present }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  return [
    route({
      method: 'get', path: '/misc/qualifications', operationId: 'listQualifications', tag: 'catalog', auth: 'bearer',
      summary: 'The qualifications of the catalog',
      response: { status: 200, description: 'Every qualification.', schema: QualificationViewSchema.array() },
      errors: [],
      handle: () => useCases.listQualifications.execute(),
    }),
    route({
      method: 'get', path: '/misc/specializations', operationId: 'listSpecializations', tag: 'catalog', auth: 'bearer',
      summary: 'The specializations of the catalog',
      response: { status: 200, description: 'Every specialization.', schema: SpecializationViewSchema.array() },
      errors: [],
      handle: async () => (await useCases.listSpecializations.execute()).map((view) => present.specialization(view)),
    }),
    route({
      method: 'post', path: '/misc/image/{specialization_id}', operationId: 'setSpecializationImage', tag: 'catalog', auth: 'bearer',
      summary: "Upload a specialization's image (admins only; multipart field `image`)",
      params: z.object({ specialization_id: CoercedId }),
      body: { kind: 'image' },
      response: { status: 200, description: 'The specialization with its new image.', schema: SpecializationViewSchema },
      errors: ['FORBIDDEN', 'SPECIALIZATION_NOT_FOUND'],
      handle: async (input) => {
        const id = untrusted({ id: input.params.specialization_id });
        return present.specialization(await useCases.setSpecializationImage.execute(input.actor, id, await uploadedImage(input)));
      },
    }),
    ...searches.map(({ path, param, filter, schema, operationId, what }) =>
      route({
        method: 'get', path, operationId, tag: 'catalog', auth: 'bearer', paged: true,
        summary: `Doctors ${what}, paged`,
        params: z.object({ [param]: schema }),
        query: PageInput,
        response: { status: 200, description: 'One page of doctors; the total is in X-Total-Count.', schema: DoctorViewSchema },
        errors: [],
        handle: async ({ params, query }) =>
          present.doctors(await useCases.searchDoctors.execute(untrusted({ ...query, [filter]: params[param] }))),
      }),
    ),
  ];
}
