import {
  AddQualificationsInput, AddSlotInput, AddSpecializationsInput, IdParam, PageInput, RegisterDoctorInput, SearchDoctorsInput,
} from '@doctorly/core';
import { DoctorViewSchema, PatientViewSchema, SlotViewSchema, TimingViewSchema } from '../openapi/view-schemas.js';
import type { RouteDeps } from './deps.js';
import { route, untrusted, type RouteDefinition } from './route.js';
import { uploadedImage } from './upload.js';

/** The doctor profile endpoints: registration, reads, picture, slots, catalog entries, search. */
export function doctorRoutes({ runtime, present }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  return [
    route({
      method: 'post', path: '/doctors/new', operationId: 'registerDoctor', tag: 'doctors', auth: 'none',
      summary: 'Register a new user with a doctor profile',
      body: { kind: 'json', schema: RegisterDoctorInput },
      response: { status: 201, description: 'The new doctor.', schema: DoctorViewSchema },
      errors: ['EMAIL_TAKEN'],
      handle: async ({ body }) => present.doctor(await useCases.registerDoctor.execute(untrusted(body))),
    }),
    route({
      method: 'get', path: '/doctors/all', operationId: 'listDoctors', tag: 'doctors', auth: 'bearer',
      summary: 'All doctors, paged', query: PageInput, paged: true,
      response: { status: 200, description: 'One page of doctors; the total is in X-Total-Count.', schema: DoctorViewSchema },
      errors: [],
      handle: async ({ query }) => present.doctors(await useCases.listDoctors.execute(untrusted(query))),
    }),
    route({
      method: 'get', path: '/doctors/search', operationId: 'searchDoctors', tag: 'doctors', auth: 'bearer',
      summary: 'Search doctors by name, specialization, qualification and weekday, sorted and paged',
      description: 'Every given filter must hold. `name` matches words by prefix and tolerates a typo.',
      query: SearchDoctorsInput, paged: true,
      response: { status: 200, description: 'One page of matching doctors; the total is in X-Total-Count.', schema: DoctorViewSchema },
      errors: [],
      handle: async ({ query }) => present.doctors(await useCases.searchDoctors.execute(untrusted(query))),
    }),
    route({
      method: 'get', path: '/doctors/info', operationId: 'getCurrentDoctor', tag: 'doctors', auth: 'bearer',
      summary: 'The current doctor',
      response: { status: 200, description: "The caller's doctor profile.", schema: DoctorViewSchema },
      errors: ['NOT_A_DOCTOR'],
      handle: async ({ actor }) => present.doctor(await useCases.getCurrentDoctor.execute(actor)),
    }),
    route({
      method: 'post', path: '/doctors/image', operationId: 'setDoctorImage', tag: 'doctors', auth: 'bearer',
      summary: 'Upload the profile picture (multipart field `image`: PNG, JPEG or WebP; shrunk to fit 500×375)',
      body: { kind: 'image' },
      response: { status: 200, description: 'The doctor with the new picture.', schema: DoctorViewSchema },
      errors: ['NOT_A_DOCTOR'],
      handle: async (input) => present.doctor(await useCases.setDoctorImage.execute(input.actor, await uploadedImage(input))),
    }),
    route({
      method: 'post', path: '/doctors/add_slot', operationId: 'addSlot', tag: 'doctors', auth: 'bearer',
      summary: 'Create a weekly slot (sitting template) of the current doctor',
      body: { kind: 'json', schema: AddSlotInput },
      response: { status: 201, description: 'The new slot.', schema: SlotViewSchema },
      errors: ['NOT_A_DOCTOR', 'SLOT_OVERLAP'],
      handle: ({ actor, body }) => useCases.addSlot.execute(actor, untrusted(body)),
    }),
    route({
      method: 'post', path: '/doctors/add_qualifications', operationId: 'addQualifications', tag: 'doctors', auth: 'bearer',
      summary: 'Add qualifications (three parallel arrays) to the current doctor',
      body: { kind: 'json', schema: AddQualificationsInput },
      response: { status: 200, description: 'The doctor with the qualifications.', schema: DoctorViewSchema },
      errors: ['NOT_A_DOCTOR', 'QUALIFICATION_NOT_FOUND'],
      handle: async ({ actor, body }) => present.doctor(await useCases.addQualifications.execute(actor, untrusted(body))),
    }),
    route({
      method: 'post', path: '/doctors/add_specializations', operationId: 'addSpecializations', tag: 'doctors', auth: 'bearer',
      summary: 'Add specializations to the current doctor',
      body: { kind: 'json', schema: AddSpecializationsInput },
      response: { status: 200, description: 'The doctor with the specializations.', schema: DoctorViewSchema },
      errors: ['NOT_A_DOCTOR', 'SPECIALIZATION_NOT_FOUND'],
      handle: async ({ actor, body }) => present.doctor(await useCases.addSpecializations.execute(actor, untrusted(body))),
    }),
    route({
      method: 'get', path: '/doctors/patients', operationId: 'listDoctorPatients', tag: 'doctors', auth: 'bearer',
      summary: "The current doctor's patients (anyone with a non-cancelled appointment), paged",
      query: PageInput, paged: true,
      response: { status: 200, description: 'One page of patients; the total is in X-Total-Count.', schema: PatientViewSchema },
      errors: ['NOT_A_DOCTOR'],
      handle: ({ actor, query }) => useCases.listDoctorPatients.execute(actor, untrusted(query)),
    }),
    route({
      method: 'get', path: '/doctors/get/{id}', operationId: 'getDoctor', tag: 'doctors', auth: 'bearer',
      summary: 'A doctor by id', params: IdParam,
      response: { status: 200, description: 'The doctor.', schema: DoctorViewSchema },
      errors: ['DOCTOR_NOT_FOUND'],
      handle: async ({ params }) => present.doctor(await useCases.getDoctor.execute(untrusted({ id: params.id }))),
    }),
    route({
      method: 'get', path: '/doctors/slot/{id}', operationId: 'listDoctorSlots', tag: 'doctors', auth: 'bearer',
      summary: "A doctor's weekly slots", params: IdParam,
      response: { status: 200, description: 'The slots.', schema: SlotViewSchema.array() },
      errors: ['DOCTOR_NOT_FOUND'],
      handle: ({ params }) => useCases.listDoctorSlots.execute(untrusted({ id: params.id })),
    }),
    route({
      method: 'get', path: '/doctors/popular/doctors', operationId: 'popularDoctors', tag: 'doctors', auth: 'bearer',
      summary: 'Doctors ranked by a Bayesian average of their ratings, paged', query: PageInput, paged: true,
      response: { status: 200, description: 'One page of doctors, best first; the total is in X-Total-Count.', schema: DoctorViewSchema },
      errors: [],
      handle: async ({ query }) => present.doctors(await useCases.popularDoctors.execute(untrusted(query))),
    }),
    route({
      method: 'get', path: '/doctors/timings/{id}', operationId: 'getTimings', tag: 'doctors', auth: 'bearer',
      summary: "Each of a doctor's slots with its next open sitting and the places taken", params: IdParam,
      response: { status: 200, description: 'One entry per slot that has an open sitting.', schema: TimingViewSchema.array() },
      errors: ['DOCTOR_NOT_FOUND'],
      handle: ({ params }) => useCases.getTimings.execute(untrusted({ id: params.id })),
    }),
  ];
}
