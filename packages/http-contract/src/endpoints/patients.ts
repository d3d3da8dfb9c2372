import { IdParam, PageInput, RegisterPatientInput } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { PatientViewSchema } from '../openapi/view-schemas.js';

/** `POST /patient/new`. @category Endpoints */
export const registerPatient = endpoint({
  method: 'post',
  path: '/patient/new',
  operationId: 'registerPatient',
  tag: 'patients',
  auth: 'bearer',
  summary: 'Register a patient of the current user (themselves, family)',
  body: { kind: 'json', schema: RegisterPatientInput },
  response: { status: 201, description: 'The new patient.', schema: PatientViewSchema },
  errors: ['TOO_MANY_PATIENTS'],
  uses: ['registerPatient'],
  handle: (use, { actor, body }) => use.registerPatient.execute(actor, body),
});

/** `GET /patient/all`. @category Endpoints */
export const listPatients = endpoint({
  method: 'get',
  path: '/patient/all',
  operationId: 'listPatients',
  tag: 'patients',
  auth: 'bearer',
  summary: "The current user's patients, paged",
  query: PageInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of patients; the total is in X-Total-Count.',
    schema: PatientViewSchema,
  },
  errors: [],
  uses: ['listPatients'],
  handle: (use, { actor, query }) => use.listPatients.execute(actor, query),
});

/** `GET /patient/get/{id}`. @category Endpoints */
export const getPatient = endpoint({
  method: 'get',
  path: '/patient/get/{id}',
  operationId: 'getPatient',
  tag: 'patients',
  auth: 'bearer',
  summary:
    'A patient the caller may see (their own, one who booked them as doctor, or any for an admin)',
  params: IdParam,
  response: { status: 200, description: 'The patient.', schema: PatientViewSchema },
  errors: ['PATIENT_NOT_FOUND'],
  uses: ['getPatient'],
  handle: (use, { actor, params }) => use.getPatient.execute(actor, params),
});
