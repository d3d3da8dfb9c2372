import {
  AppointmentIdInput,
  CancelSittingInput,
  LocalDateString,
  SittingQueueInput,
} from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import {
  AppointmentViewSchema,
  CancelledSittingViewSchema,
  SittingQueueViewSchema,
} from '../openapi/view-schemas.js';
import { z } from '../zod.js';

/** `GET /doctors/patients/{id}`: the queue of one sitting of a slot (its doctor, or an admin). @category Endpoints */
export const getSittingQueue = endpoint({
  method: 'get',
  path: '/doctors/patients/{id}',
  operationId: 'getSittingQueue',
  tag: 'sittings',
  auth: 'bearer',
  summary:
    'The queue of one sitting of slot `id` (the running or next sitting, or the one on `date`): its doctor or an admin',
  params: z.object({ id: SittingQueueInput.shape.slot_id }),
  // Strict, as the use case's input is: an unknown query parameter is refused, not ignored.
  query: z.strictObject({ date: LocalDateString.optional() }),
  response: {
    status: 200,
    description: 'The sitting and its appointments by queue number.',
    schema: SittingQueueViewSchema,
  },
  errors: ['NOT_A_DOCTOR', 'SLOT_NOT_FOUND', 'SITTING_NOT_FOUND', 'NOT_A_SITTING_DATE'],
  uses: ['getSittingQueue'],
  handle: (use, { actor, params, query }) =>
    use.getSittingQueue.execute(actor, { ...query, slot_id: params.id }),
});

/** `POST /doctors/sittings/cancel`: one date's sitting, with its appointments. @category Endpoints */
export const cancelSitting = endpoint({
  method: 'post',
  path: '/doctors/sittings/cancel',
  operationId: 'cancelSitting',
  tag: 'sittings',
  auth: 'bearer',
  summary:
    "Cancel one date's sitting of the current doctor's slot (leave, holiday); its appointments are cancelled",
  body: { kind: 'json', schema: CancelSittingInput },
  response: {
    status: 200,
    description: 'The cancelled sitting.',
    schema: CancelledSittingViewSchema,
  },
  errors: ['NOT_A_DOCTOR', 'SLOT_NOT_FOUND', 'NOT_A_SITTING_DATE', 'SITTING_PAST'],
  uses: ['cancelSitting'],
  handle: (use, { actor, body }) => use.cancelSitting.execute(actor, body),
});

/** A status change by the appointment's doctor; its operation id is the use case's name. */
function statusChange<K extends 'checkInAppointment' | 'completeAppointment' | 'markNoShow'>(
  action: string,
  useCase: K,
  what: string,
) {
  return endpoint({
    method: 'post',
    path: `/doctors/appointments/{id}/${action}`,
    operationId: useCase,
    tag: 'sittings',
    auth: 'bearer',
    summary: `${what} (the doctor of the appointment)`,
    params: AppointmentIdInput,
    response: {
      status: 200,
      description: 'The appointment with its new status.',
      schema: AppointmentViewSchema,
    },
    errors: ['NOT_A_DOCTOR', 'FORBIDDEN', 'APPOINTMENT_NOT_FOUND', 'INVALID_STATUS_TRANSITION'],
    uses: [useCase],
    handle: (use, { actor, params }) => use[useCase].execute(actor, params),
  });
}

/** `POST /doctors/appointments/{id}/check_in`. @category Endpoints */
export const checkInAppointment = statusChange(
  'check_in',
  'checkInAppointment',
  'Check a patient in',
);
/** `POST /doctors/appointments/{id}/complete`. @category Endpoints */
export const completeAppointment = statusChange(
  'complete',
  'completeAppointment',
  'Mark an appointment completed',
);
/** `POST /doctors/appointments/{id}/no_show`. @category Endpoints */
export const markNoShow = statusChange('no_show', 'markNoShow', 'Mark an appointment as a no-show');
