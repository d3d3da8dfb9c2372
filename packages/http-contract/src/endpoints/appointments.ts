import {
  AppointmentIdInput,
  BookAppointmentInput,
  CancelAppointmentInput,
  RescheduleAppointmentInput,
  PageInput,
  RateDoctorInput,
} from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import {
  AppointmentHistoryViewSchema,
  AppointmentViewSchema,
  RatingViewSchema,
} from '../openapi/view-schemas.js';
import { z } from '../zod.js';

const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().optional().openapi({
    description:
      'Makes the booking safe to retry: a repeated request with the same key answers the first booking.',
  }),
});

/** `POST /patient/new_appointment`: a place in a sitting, safe to retry with `Idempotency-Key`. @category Endpoints */
export const bookAppointment = endpoint({
  method: 'post',
  path: '/patient/new_appointment',
  operationId: 'bookAppointment',
  tag: 'appointments',
  auth: 'bearer',
  summary:
    "Book a place for one of the caller's patients in a slot's next sitting (or the one on `date`)",
  description:
    'Answers the queue number, the expected time and the timings. Send an `Idempotency-Key` header to retry safely.',
  headers: IdempotencyHeaders,
  body: { kind: 'json', schema: BookAppointmentInput.omit({ idempotency_key: true }) },
  response: { status: 201, description: 'The appointment.', schema: AppointmentViewSchema },
  errors: [
    'PATIENT_NOT_FOUND',
    'SLOT_NOT_FOUND',
    'SITTING_FULL',
    'SITTING_CLOSED',
    'SITTING_CANCELLED',
    'SITTING_PAST',
    'SITTING_OUT_OF_HORIZON',
    'NOT_A_SITTING_DATE',
    'ALREADY_BOOKED',
    'TOO_MANY_APPOINTMENTS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  uses: ['bookAppointment'],
  handle: (use, { actor, headers, body }) => {
    const key = headers['idempotency-key'];
    // An empty header is no key (as if absent); the use case checks the key's form.
    return use.bookAppointment.execute(
      actor,
      key === undefined || key === '' ? body : { ...body, idempotency_key: key },
    );
  },
});

/** `GET /patient/appointment/history`: the caller's appointments. @category Endpoints */
export const listMyAppointments = endpoint({
  method: 'get',
  path: '/patient/appointment/history',
  operationId: 'listMyAppointments',
  tag: 'appointments',
  auth: 'bearer',
  summary: "The appointments of the current user's patients, paged",
  query: PageInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of appointments; the total is in X-Total-Count.',
    schema: AppointmentViewSchema,
  },
  errors: [],
  uses: ['listMyAppointments'],
  handle: (use, { actor, query }) => use.listMyAppointments.execute(actor, query),
});

/** `GET /patient/appointment/{id}`: one appointment with its live expected time. @category Endpoints */
export const getAppointment = endpoint({
  method: 'get',
  path: '/patient/appointment/{id}',
  operationId: 'getAppointment',
  tag: 'appointments',
  auth: 'bearer',
  summary:
    'One appointment with its live expected time, people ahead and the number being served (its owner, its doctor or an admin)',
  params: AppointmentIdInput,
  response: { status: 200, description: 'The appointment.', schema: AppointmentViewSchema },
  errors: ['APPOINTMENT_NOT_FOUND'],
  uses: ['getAppointment'],
  handle: (use, { actor, params }) => use.getAppointment.execute(actor, params),
});

/** `GET /patient/appointment/{id}/history`. @category Endpoints */
export const getAppointmentHistory = endpoint({
  method: 'get',
  path: '/patient/appointment/{id}/history',
  operationId: 'getAppointmentHistory',
  tag: 'appointments',
  auth: 'bearer',
  summary:
    'An appointment and every status change it went through (its owner, its doctor or an admin)',
  params: AppointmentIdInput,
  response: {
    status: 200,
    description: 'The appointment and its history, oldest first.',
    schema: AppointmentHistoryViewSchema,
  },
  errors: ['APPOINTMENT_NOT_FOUND'],
  uses: ['getAppointmentHistory'],
  handle: (use, { actor, params }) => use.getAppointmentHistory.execute(actor, params),
});

/** `POST /patient/appointment/{id}/cancel`. @category Endpoints */
export const cancelAppointment = endpoint({
  method: 'post',
  path: '/patient/appointment/{id}/cancel',
  operationId: 'cancelAppointment',
  tag: 'appointments',
  auth: 'bearer',
  summary: 'Cancel an appointment (its owner or its doctor); the place is freed for others',
  params: AppointmentIdInput,
  body: { kind: 'json', schema: CancelAppointmentInput.omit({ id: true }), optional: true },
  response: {
    status: 200,
    description: 'The cancelled appointment.',
    schema: AppointmentViewSchema,
  },
  errors: ['APPOINTMENT_NOT_FOUND', 'INVALID_STATUS_TRANSITION', 'TOO_LATE_TO_CHANGE'],
  uses: ['cancelAppointment'],
  handle: (use, { actor, params, body }) =>
    use.cancelAppointment.execute(actor, { ...body, id: params.id }),
});

/** `POST /patient/appointment/{id}/reschedule`. @category Endpoints */
export const rescheduleAppointment = endpoint({
  method: 'post',
  path: '/patient/appointment/{id}/reschedule',
  operationId: 'rescheduleAppointment',
  tag: 'appointments',
  auth: 'bearer',
  summary:
    "Move a booked appointment of one of the caller's patients to another sitting of the same doctor, atomically",
  description:
    'The sitting of `slot_id` (default: the same slot) on `date` (default: its next open sitting). ' +
    'The new place is secured or nothing changes; the old appointment becomes cancelled (reason ' +
    '`rescheduled`, `rescheduled_to` the new id) and its place goes to its waitlist. Answers the new appointment.',
  params: AppointmentIdInput,
  body: { kind: 'json', schema: RescheduleAppointmentInput.omit({ id: true }), optional: true },
  response: {
    status: 201,
    description: 'The new appointment.',
    schema: AppointmentViewSchema,
  },
  errors: [
    'APPOINTMENT_NOT_FOUND',
    'INVALID_STATUS_TRANSITION',
    'TOO_LATE_TO_CHANGE',
    'SLOT_NOT_FOUND',
    'DIFFERENT_DOCTOR',
    'SAME_SITTING',
    'SITTING_FULL',
    'SITTING_CLOSED',
    'SITTING_CANCELLED',
    'SITTING_PAST',
    'SITTING_OUT_OF_HORIZON',
    'NOT_A_SITTING_DATE',
    'ALREADY_BOOKED',
  ],
  uses: ['rescheduleAppointment'],
  handle: (use, { actor, params, body }) =>
    use.rescheduleAppointment.execute(actor, { ...body, id: params.id }),
});

/** `POST /doctors/rate`. @category Endpoints */
export const rateDoctor = endpoint({
  method: 'post',
  path: '/doctors/rate',
  operationId: 'rateDoctor',
  tag: 'appointments',
  auth: 'bearer',
  summary:
    'Rate the doctor of a completed appointment of one of your patients, once: 1–5 stars and a review',
  body: { kind: 'json', schema: RateDoctorInput },
  response: { status: 201, description: 'The rating.', schema: RatingViewSchema },
  errors: ['APPOINTMENT_NOT_FOUND', 'NOT_RATEABLE', 'ALREADY_RATED'],
  uses: ['rateDoctor'],
  handle: (use, { actor, body }) => use.rateDoctor.execute(actor, body),
});
