import {
  AppointmentIdInput, BookAppointmentInput, CancelAppointmentInput, PageInput, RateDoctorInput, isDomainError,
} from '@doctorly/core';
import { AppointmentHistoryViewSchema, AppointmentViewSchema, RatingViewSchema } from '../openapi/view-schemas.js';
import { z } from '../openapi/zod.js';
import type { RouteDeps } from './deps.js';
import { withPathFields } from './present.js';
import { route, untrusted, type RouteDefinition } from './route.js';

const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: 'Makes the booking safe to retry: a repeated request with the same key answers the first booking.',
  }),
});

/** A booking and the appointment endpoints of its owner: history, cancel, rate. */
export function appointmentRoutes({ runtime, metrics }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  return [
    route({
      method: 'post', path: '/patient/new_appointment', operationId: 'bookAppointment', tag: 'appointments', auth: 'bearer',
      summary: "Book a place for one of the caller's patients in a slot's next sitting (or the one on `date`)",
      description: 'Answers the queue number, the expected time and the timings. Send an `Idempotency-Key` header to retry safely.',
      headers: IdempotencyHeaders,
      body: { kind: 'json', schema: BookAppointmentInput.omit({ idempotency_key: true }) },
      response: { status: 201, description: 'The appointment.', schema: AppointmentViewSchema },
      errors: [
        'PATIENT_NOT_FOUND', 'SLOT_NOT_FOUND', 'SITTING_FULL', 'SITTING_CLOSED', 'SITTING_CANCELLED', 'SITTING_PAST',
        'SITTING_OUT_OF_HORIZON', 'NOT_A_SITTING_DATE', 'ALREADY_BOOKED', 'IDEMPOTENCY_KEY_REUSED',
      ],
      handle: async ({ ctx, actor, body }) => {
        const key = ctx.get('Idempotency-Key');
        const input = key === '' ? body : withPathFields(body, { idempotency_key: key });
        try {
          const booked = await useCases.bookAppointment.execute(actor, untrusted(input));
          metrics.bookings.inc({ outcome: 'created' });
          return booked;
        } catch (error) {
          metrics.bookings.inc({ outcome: isDomainError(error) ? error.code : 'error' });
          throw error;
        }
      },
    }),
    route({
      method: 'get', path: '/patient/appointment/history', operationId: 'listMyAppointments', tag: 'appointments', auth: 'bearer',
      summary: "The appointments of the current user's patients, paged", query: PageInput, paged: true,
      response: { status: 200, description: 'One page of appointments; the total is in X-Total-Count.', schema: AppointmentViewSchema },
      errors: [],
      handle: ({ actor, query }) => useCases.listMyAppointments.execute(actor, untrusted(query)),
    }),
    route({
      method: 'get', path: '/patient/appointment/{id}/history', operationId: 'getAppointmentHistory', tag: 'appointments', auth: 'bearer',
      summary: 'An appointment and every status change it went through (its owner, its doctor or an admin)',
      params: AppointmentIdInput,
      response: { status: 200, description: 'The appointment and its history, oldest first.', schema: AppointmentHistoryViewSchema },
      errors: ['APPOINTMENT_NOT_FOUND'],
      handle: ({ actor, params }) => useCases.getAppointmentHistory.execute(actor, untrusted({ id: params.id })),
    }),
    route({
      method: 'post', path: '/patient/appointment/{id}/cancel', operationId: 'cancelAppointment', tag: 'appointments', auth: 'bearer',
      summary: 'Cancel an appointment (its owner or its doctor); the place is freed for others',
      params: AppointmentIdInput,
      body: { kind: 'json', schema: CancelAppointmentInput.omit({ id: true }), optional: true },
      response: { status: 200, description: 'The cancelled appointment.', schema: AppointmentViewSchema },
      errors: ['APPOINTMENT_NOT_FOUND', 'INVALID_STATUS_TRANSITION'],
      handle: ({ actor, params, body }) =>
        useCases.cancelAppointment.execute(actor, untrusted(withPathFields(body, { id: params.id }))),
    }),
    route({
      method: 'post', path: '/doctors/rate', operationId: 'rateDoctor', tag: 'appointments', auth: 'bearer',
      summary: 'Rate the doctor of a completed appointment of one of your patients, once: 1–5 stars and a review',
      body: { kind: 'json', schema: RateDoctorInput },
      response: { status: 201, description: 'The rating.', schema: RatingViewSchema },
      errors: ['APPOINTMENT_NOT_FOUND', 'NOT_RATEABLE', 'ALREADY_RATED'],
      handle: ({ actor, body }) => useCases.rateDoctor.execute(actor, untrusted(body)),
    }),
  ];
}
