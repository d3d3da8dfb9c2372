import {
  AppointmentIdInput,
  CancelSittingInput,
  LocalDateString,
  SittingIdInput,
  SittingQueueInput,
} from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import {
  AppointmentViewSchema,
  CancelledSittingViewSchema,
  SittingBoardViewSchema,
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

/** `POST /doctors/sittings/{id}/start`: the doctor starts their sitting on the day. @category Endpoints */
export const startSitting = endpoint({
  method: 'post',
  path: '/doctors/sittings/{id}/start',
  operationId: 'startSitting',
  tag: 'sittings',
  auth: 'bearer',
  summary:
    'Start sitting `id` of the current doctor (from two hours before its planned start until its end); starting a running sitting again changes nothing',
  params: SittingIdInput,
  response: {
    status: 200,
    description: 'The sitting, in progress, as its public board shows it.',
    schema: SittingBoardViewSchema,
  },
  errors: [
    'NOT_A_DOCTOR',
    'SITTING_NOT_FOUND',
    'SITTING_CANCELLED',
    'SITTING_CLOSED',
    'SITTING_PAST',
    'TOO_EARLY_TO_START',
  ],
  uses: ['startSitting'],
  handle: (use, { actor, params }) => use.startSitting.execute(actor, params),
});

/** The use cases of the doctor's status changes of one appointment. */
type StatusChangeUseCase =
  'checkInAppointment' | 'completeAppointment' | 'markNoShow' | 'callAppointment';

/** A status change by the appointment's doctor; its operation id is the use case's name. */
function statusChange<K extends StatusChangeUseCase>(
  action: string,
  useCase: K,
  what: string,
  moreErrors: readonly (
    'SITTING_CANCELLED' | 'SITTING_CLOSED' | 'SITTING_PAST' | 'TOO_EARLY_TO_START'
  )[] = [],
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
    errors: [
      'NOT_A_DOCTOR',
      'FORBIDDEN',
      'APPOINTMENT_NOT_FOUND',
      'INVALID_STATUS_TRANSITION',
      ...moreErrors,
    ],
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
/**
 * `POST /doctors/appointments/{id}/call`: the doctor calls a waiting patient in; the patient
 * still in consultation is completed first, and a sitting not yet started starts.
 * @category Endpoints
 */
export const callAppointment = statusChange(
  'call',
  'callAppointment',
  'Call a waiting patient in (completes the one in consultation; starts the sitting if needed)',
  ['SITTING_CANCELLED', 'SITTING_CLOSED', 'SITTING_PAST', 'TOO_EARLY_TO_START'],
);
