import { CatalogName, CoercedId, PageInput, WeekdayInput, trimmedString } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import {
  DoctorViewSchema,
  QualificationViewSchema,
  SpecializationViewSchema,
} from '../openapi/view-schemas.js';
import { z } from '../zod.js';

/** `GET /misc/qualifications`. @category Endpoints */
export const listQualifications = endpoint({
  method: 'get',
  path: '/misc/qualifications',
  operationId: 'listQualifications',
  tag: 'catalog',
  auth: 'bearer',
  summary: 'The qualifications of the catalog',
  response: {
    status: 200,
    description: 'Every qualification.',
    schema: QualificationViewSchema.array(),
  },
  errors: [],
  uses: ['listQualifications'],
  handle: (use) => use.listQualifications.execute(),
});

/** `GET /misc/specializations`. @category Endpoints */
export const listSpecializations = endpoint({
  method: 'get',
  path: '/misc/specializations',
  operationId: 'listSpecializations',
  tag: 'catalog',
  auth: 'bearer',
  summary: 'The specializations of the catalog',
  response: {
    status: 200,
    description: 'Every specialization.',
    schema: SpecializationViewSchema.array(),
  },
  errors: [],
  uses: ['listSpecializations'],
  handle: (use) => use.listSpecializations.execute(),
  present: (presenter, views) => views.map((view) => presenter.specialization(view)),
});

/** `POST /misc/image/{specialization_id}`: admins only. @category Endpoints */
export const setSpecializationImage = endpoint({
  method: 'post',
  path: '/misc/image/{specialization_id}',
  operationId: 'setSpecializationImage',
  tag: 'catalog',
  auth: 'bearer',
  summary: "Upload a specialization's image (admins only; multipart field `image`)",
  params: z.object({ specialization_id: CoercedId }),
  body: { kind: 'image', field: 'image' },
  response: {
    status: 200,
    description: 'The specialization with its new image.',
    schema: SpecializationViewSchema,
  },
  errors: ['FORBIDDEN', 'SPECIALIZATION_NOT_FOUND'],
  uses: ['setSpecializationImage'],
  handle: (use, { actor, params, body }) =>
    use.setSpecializationImage.execute(actor, { id: params.specialization_id }, body),
  present: (presenter, view) => presenter.specialization(view),
});

// The seed's one-filter searches: `/misc/doctors/{filter}/{value}`, paged.
const search = {
  method: 'get',
  tag: 'catalog',
  auth: 'bearer',
  paged: true,
  query: PageInput,
  response: {
    status: 200,
    description: 'One page of doctors; the total is in X-Total-Count.',
    schema: DoctorViewSchema,
  },
  errors: [],
  uses: ['searchDoctors'],
} as const;

/** `GET /misc/doctors/day/{day}`. @category Endpoints */
export const doctorsByDay = endpoint({
  ...search,
  path: '/misc/doctors/day/{day}',
  operationId: 'doctorsByDay',
  summary: 'Doctors with a slot on a weekday, paged',
  params: z.object({ day: WeekdayInput }),
  handle: (use, { params, query }) => use.searchDoctors.execute({ ...query, day: params.day }),
  present: (presenter, page) => presenter.doctors(page),
});

/** `GET /misc/doctors/{name}`. @category Endpoints */
export const doctorsByName = endpoint({
  ...search,
  path: '/misc/doctors/{name}',
  operationId: 'doctorsByName',
  summary: 'Doctors by name (words by prefix, one typo tolerated), paged',
  params: z.object({ name: trimmedString(1, 100) }),
  handle: (use, { params, query }) => use.searchDoctors.execute({ ...query, name: params.name }),
  present: (presenter, page) => presenter.doctors(page),
});

/** `GET /misc/doctors/specialization/{name}`. @category Endpoints */
export const doctorsBySpecialization = endpoint({
  ...search,
  path: '/misc/doctors/specialization/{name}',
  operationId: 'doctorsBySpecialization',
  summary: 'Doctors with a specialization, paged',
  params: z.object({ name: CatalogName }),
  handle: (use, { params, query }) =>
    use.searchDoctors.execute({ ...query, specialization: params.name }),
  present: (presenter, page) => presenter.doctors(page),
});

/** `GET /misc/doctors/qualification/{name}`. @category Endpoints */
export const doctorsByQualification = endpoint({
  ...search,
  path: '/misc/doctors/qualification/{name}',
  operationId: 'doctorsByQualification',
  summary: 'Doctors with a qualification, paged',
  params: z.object({ name: CatalogName }),
  handle: (use, { params, query }) =>
    use.searchDoctors.execute({ ...query, qualification: params.name }),
  present: (presenter, page) => presenter.doctors(page),
});
