import { IdParam, PageInput, RegisterPatientInput } from '@doctorly/core';
import { PatientViewSchema } from '../openapi/view-schemas.js';
import type { RouteDeps } from './deps.js';
import { route, untrusted, type RouteDefinition } from './route.js';

/** The current user's patients: register, list, read. */
export function patientRoutes({ runtime }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  return [
    route({
      method: 'post', path: '/patient/new', operationId: 'registerPatient', tag: 'patients', auth: 'bearer',
      summary: 'Register a patient of the current user (themselves, family)',
      body: { kind: 'json', schema: RegisterPatientInput },
      response: { status: 201, description: 'The new patient.', schema: PatientViewSchema },
      errors: [],
      handle: ({ actor, body }) => useCases.registerPatient.execute(actor, untrusted(body)),
    }),
    route({
      method: 'get', path: '/patient/all', operationId: 'listPatients', tag: 'patients', auth: 'bearer',
      summary: "The current user's patients, paged", query: PageInput, paged: true,
      response: { status: 200, description: 'One page of patients; the total is in X-Total-Count.', schema: PatientViewSchema },
      errors: [],
      handle: ({ actor, query }) => useCases.listPatients.execute(actor, untrusted(query)),
    }),
    route({
      method: 'get', path: '/patient/get/{id}', operationId: 'getPatient', tag: 'patients', auth: 'bearer',
      summary: 'A patient the caller may see (their own, one who booked them as doctor, or any for an admin)',
      params: IdParam,
      response: { status: 200, description: 'The patient.', schema: PatientViewSchema },
      errors: ['PATIENT_NOT_FOUND'],
      handle: ({ actor, params }) => useCases.getPatient.execute(actor, untrusted({ id: params.id })),
    }),
  ];
}
