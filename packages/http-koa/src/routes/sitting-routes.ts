import { AppointmentIdInput, CancelSittingInput, LocalDateString, SittingQueueInput } from '@doctorly/core';
import { AppointmentViewSchema, CancelledSittingViewSchema, SittingQueueViewSchema } from '../openapi/view-schemas.js';
import { z } from '../openapi/zod.js';
import type { RouteDeps } from './deps.js';
import { route, untrusted, type RouteDefinition } from './route.js';

/** The doctor's side of appointments: queues, cancelling a sitting, check-in, completion, no-show. */
export function sittingRoutes({ runtime }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  const statusChanges = [
    { action: 'check_in', operationId: 'checkInAppointment', useCase: useCases.checkInAppointment, what: 'Check a patient in' },
    { action: 'complete', operationId: 'completeAppointment', useCase: useCases.completeAppointment, what: 'Mark an appointment completed' },
    { action: 'no_show', operationId: 'markNoShow', useCase: useCases.markNoShow, what: 'Mark an appointment as a no-show' },
  ] as const;
  return [
    route({
      method: 'get', path: '/doctors/patients/{id}', operationId: 'getSittingQueue', tag: 'sittings', auth: 'bearer',
      summary: "The queue of one sitting of the current doctor's slot `id` (the running or next sitting, or the one on `date`)",
      params: z.object({ id: SittingQueueInput.shape.slot_id }),
      query: z.object({ date: LocalDateString.optional() }),
      response: { status: 200, description: 'The sitting and its appointments by queue number.', schema: SittingQueueViewSchema },
      errors: ['NOT_A_DOCTOR', 'SLOT_NOT_FOUND', 'SITTING_NOT_FOUND', 'NOT_A_SITTING_DATE'],
      handle: ({ actor, params, query }) =>
        useCases.getSittingQueue.execute(actor, untrusted({ ...query, slot_id: params.id })),
    }),
    route({
      method: 'post', path: '/doctors/sittings/cancel', operationId: 'cancelSitting', tag: 'sittings', auth: 'bearer',
      summary: "Cancel one date's sitting of the current doctor's slot (leave, holiday); its appointments are cancelled",
      body: { kind: 'json', schema: CancelSittingInput },
      response: { status: 200, description: 'The cancelled sitting.', schema: CancelledSittingViewSchema },
      errors: ['NOT_A_DOCTOR', 'SLOT_NOT_FOUND', 'NOT_A_SITTING_DATE', 'SITTING_PAST'],
      handle: ({ actor, body }) => useCases.cancelSitting.execute(actor, untrusted(body)),
    }),
    ...statusChanges.map(({ action, operationId, useCase, what }) =>
      route({
        method: 'post', path: `/doctors/appointments/{id}/${action}`, operationId, tag: 'sittings', auth: 'bearer',
        summary: `${what} (the doctor of the appointment)`,
        params: AppointmentIdInput,
        response: { status: 200, description: 'The appointment with its new status.', schema: AppointmentViewSchema },
        errors: ['NOT_A_DOCTOR', 'FORBIDDEN', 'APPOINTMENT_NOT_FOUND', 'INVALID_STATUS_TRANSITION'],
        handle: ({ actor, params }) => useCase.execute(actor, untrusted({ id: params.id })),
      }),
    ),
  ];
}
