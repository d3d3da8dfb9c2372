import {
  AddQualificationsInput,
  AddSlotInput,
  AddSpecializationsInput,
  IdParam,
  RegisterDoctorInput,
} from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { DoctorViewSchema, SlotViewSchema, TimingViewSchema } from '../openapi/view-schemas.js';

// The doctor profile: registration, reads, picture, slots, catalog entries. Lists and
// searches of doctors are in doctor-lists.ts.

/** `POST /doctors/new`. @category Endpoints */
export const registerDoctor = endpoint({
  method: 'post',
  path: '/doctors/new',
  operationId: 'registerDoctor',
  tag: 'doctors',
  auth: 'none',
  summary: 'Register a new user with a doctor profile',
  body: { kind: 'json', schema: RegisterDoctorInput },
  response: { status: 201, description: 'The new doctor.', schema: DoctorViewSchema },
  errors: ['EMAIL_TAKEN'],
  uses: ['registerDoctor'],
  handle: (use, { body }) => use.registerDoctor.execute(body),
  present: (presenter, doctor) => presenter.doctor(doctor),
});

/** `GET /doctors/info`. @category Endpoints */
export const getCurrentDoctor = endpoint({
  method: 'get',
  path: '/doctors/info',
  operationId: 'getCurrentDoctor',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'The current doctor',
  response: { status: 200, description: "The caller's doctor profile.", schema: DoctorViewSchema },
  errors: ['NOT_A_DOCTOR'],
  uses: ['getCurrentDoctor'],
  handle: (use, { actor }) => use.getCurrentDoctor.execute(actor),
  present: (presenter, doctor) => presenter.doctor(doctor),
});

/** `POST /doctors/image`: the profile picture, as the host checked and shrank it. @category Endpoints */
export const setDoctorImage = endpoint({
  method: 'post',
  path: '/doctors/image',
  operationId: 'setDoctorImage',
  tag: 'doctors',
  auth: 'bearer',
  summary:
    'Upload the profile picture (multipart field `image`: PNG, JPEG or WebP; shrunk to fit 500×375)',
  body: { kind: 'image', field: 'image' },
  response: {
    status: 200,
    description: 'The doctor with the new picture.',
    schema: DoctorViewSchema,
  },
  errors: ['NOT_A_DOCTOR'],
  uses: ['setDoctorImage'],
  handle: (use, { actor, body }) => use.setDoctorImage.execute(actor, body),
  present: (presenter, doctor) => presenter.doctor(doctor),
});

/** `POST /doctors/add_slot`. @category Endpoints */
export const addSlot = endpoint({
  method: 'post',
  path: '/doctors/add_slot',
  operationId: 'addSlot',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'Create a weekly slot (sitting template) of the current doctor',
  body: { kind: 'json', schema: AddSlotInput },
  response: { status: 201, description: 'The new slot.', schema: SlotViewSchema },
  errors: ['NOT_A_DOCTOR', 'SLOT_OVERLAP'],
  uses: ['addSlot'],
  handle: (use, { actor, body }) => use.addSlot.execute(actor, body),
});

/** `POST /doctors/add_qualifications`. @category Endpoints */
export const addQualifications = endpoint({
  method: 'post',
  path: '/doctors/add_qualifications',
  operationId: 'addQualifications',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'Add qualifications (three parallel arrays) to the current doctor',
  body: { kind: 'json', schema: AddQualificationsInput },
  response: {
    status: 200,
    description: 'The doctor with the qualifications.',
    schema: DoctorViewSchema,
  },
  errors: ['NOT_A_DOCTOR', 'QUALIFICATION_NOT_FOUND'],
  uses: ['addQualifications'],
  handle: (use, { actor, body }) => use.addQualifications.execute(actor, body),
  present: (presenter, doctor) => presenter.doctor(doctor),
});

/** `POST /doctors/add_specializations`. @category Endpoints */
export const addSpecializations = endpoint({
  method: 'post',
  path: '/doctors/add_specializations',
  operationId: 'addSpecializations',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'Add specializations to the current doctor',
  body: { kind: 'json', schema: AddSpecializationsInput },
  response: {
    status: 200,
    description: 'The doctor with the specializations.',
    schema: DoctorViewSchema,
  },
  errors: ['NOT_A_DOCTOR', 'SPECIALIZATION_NOT_FOUND'],
  uses: ['addSpecializations'],
  handle: (use, { actor, body }) => use.addSpecializations.execute(actor, body),
  present: (presenter, doctor) => presenter.doctor(doctor),
});

/** `GET /doctors/get/{id}`. @category Endpoints */
export const getDoctor = endpoint({
  method: 'get',
  path: '/doctors/get/{id}',
  operationId: 'getDoctor',
  tag: 'doctors',
  auth: 'bearer',
  summary: 'A doctor by id',
  params: IdParam,
  response: { status: 200, description: 'The doctor.', schema: DoctorViewSchema },
  errors: ['DOCTOR_NOT_FOUND'],
  uses: ['getDoctor'],
  handle: (use, { params }) => use.getDoctor.execute(params),
  present: (presenter, doctor) => presenter.doctor(doctor),
});

/** `GET /doctors/slot/{id}`. @category Endpoints */
export const listDoctorSlots = endpoint({
  method: 'get',
  path: '/doctors/slot/{id}',
  operationId: 'listDoctorSlots',
  tag: 'doctors',
  auth: 'bearer',
  summary: "A doctor's weekly slots",
  params: IdParam,
  response: { status: 200, description: 'The slots.', schema: SlotViewSchema.array() },
  errors: ['DOCTOR_NOT_FOUND'],
  uses: ['listDoctorSlots'],
  handle: (use, { params }) => use.listDoctorSlots.execute(params),
});

/** `GET /doctors/timings/{id}`. @category Endpoints */
export const getTimings = endpoint({
  method: 'get',
  path: '/doctors/timings/{id}',
  operationId: 'getTimings',
  tag: 'doctors',
  auth: 'bearer',
  summary: "Each of a doctor's slots with its next open sitting and the places taken",
  params: IdParam,
  response: {
    status: 200,
    description: 'One entry per slot that has an open sitting.',
    schema: TimingViewSchema.array(),
  },
  errors: ['DOCTOR_NOT_FOUND'],
  uses: ['getTimings'],
  handle: (use, { params }) => use.getTimings.execute(params),
});
