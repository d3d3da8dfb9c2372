import { PageInput, SearchDoctorsInput } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { DoctorViewSchema, PatientViewSchema } from '../openapi/view-schemas.js';

/** `GET /doctors/all`. @category Endpoints */
export const listDoctors = endpoint({
  method: 'get',
  path: '/doctors/all',
  operationId: 'listDoctors',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'All doctors, paged',
  query: PageInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of doctors; the total is in X-Total-Count.',
    schema: DoctorViewSchema,
  },
  errors: [],
  uses: ['listDoctors'],
  handle: (use, { query }) => use.listDoctors.execute(query),
  present: (presenter, page) => presenter.doctors(page),
});

/** `GET /doctors/search`: every filter at once, sorted and paged. @category Endpoints */
export const searchDoctors = endpoint({
  method: 'get',
  path: '/doctors/search',
  operationId: 'searchDoctors',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'Search doctors by name, specialization, qualification and weekday, sorted and paged',
  description: 'Every given filter must hold. `name` matches words by prefix and tolerates a typo.',
  query: SearchDoctorsInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of matching doctors; the total is in X-Total-Count.',
    schema: DoctorViewSchema,
  },
  errors: [],
  uses: ['searchDoctors'],
  handle: (use, { query }) => use.searchDoctors.execute(query),
  present: (presenter, page) => presenter.doctors(page),
});

/** `GET /doctors/popular/doctors`. @category Endpoints */
export const popularDoctors = endpoint({
  method: 'get',
  path: '/doctors/popular/doctors',
  operationId: 'popularDoctors',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'Doctors ranked by a Bayesian average of their ratings, paged',
  query: PageInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of doctors, best first; the total is in X-Total-Count.',
    schema: DoctorViewSchema,
  },
  errors: [],
  uses: ['popularDoctors'],
  handle: (use, { query }) => use.popularDoctors.execute(query),
  present: (presenter, page) => presenter.doctors(page),
});

/** `GET /doctors/patients`: the current doctor's patients. @category Endpoints */
export const listDoctorPatients = endpoint({
  method: 'get',
  path: '/doctors/patients',
  operationId: 'listDoctorPatients',
  tag: 'doctors',
  auth: 'bearer',
  summary: "The current doctor's patients (anyone with a non-cancelled appointment), paged",
  query: PageInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of patients; the total is in X-Total-Count.',
    schema: PatientViewSchema,
  },
  errors: ['NOT_A_DOCTOR'],
  uses: ['listDoctorPatients'],
  handle: (use, { actor, query }) => use.listDoctorPatients.execute(actor, query),
});
