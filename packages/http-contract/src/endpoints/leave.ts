import { LeaveIdInput, ListLeavesInput, TakeLeaveInput } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { LeaveViewSchema, ReopenedLeaveViewSchema } from '../openapi/leave-view-schemas.js';

/** `POST /doctors/leave`: the calling doctor takes leave over a date range. @category Endpoints */
export const takeLeave = endpoint({
  method: 'post',
  path: '/doctors/leave',
  operationId: 'takeLeave',
  tag: 'sittings',
  auth: 'bearer',
  summary:
    "Take leave from `from` to `to` (local dates, both included, at most 366 days): every sitting of the current doctor's slots in the range that has not started is cancelled, with its appointments",
  description:
    'Dates not created yet are recorded as cancelled, so they never open; past and started dates are skipped. Overlapping leaves are allowed: a date already cancelled keeps its first cause.',
  body: { kind: 'json', schema: TakeLeaveInput },
  response: {
    status: 201,
    description: 'The leave, with what it cancelled.',
    schema: LeaveViewSchema,
  },
  errors: ['NOT_A_DOCTOR'],
  uses: ['takeLeave'],
  handle: (use, { actor, body }) => use.takeLeave.execute(actor, body),
});

/** `GET /doctors/leave`: the calling doctor's leaves, newest first. @category Endpoints */
export const listLeaves = endpoint({
  method: 'get',
  path: '/doctors/leave',
  operationId: 'listLeaves',
  tag: 'sittings',
  auth: 'bearer',
  summary: "The current doctor's leaves, active and re-opened, newest first, paged",
  query: ListLeavesInput,
  paged: true,
  response: {
    status: 200,
    description: 'One page of leaves; the total is in X-Total-Count.',
    schema: LeaveViewSchema,
  },
  errors: ['NOT_A_DOCTOR'],
  uses: ['listLeaves'],
  handle: (use, { actor, query }) => use.listLeaves.execute(actor, query),
});

/** `GET /doctors/leave/{id}`: one leave (its doctor or an admin). @category Endpoints */
export const getLeave = endpoint({
  method: 'get',
  path: '/doctors/leave/{id}',
  operationId: 'getLeave',
  tag: 'sittings',
  auth: 'bearer',
  summary: 'One leave, with what it cancelled (its doctor or an admin)',
  params: LeaveIdInput,
  response: { status: 200, description: 'The leave.', schema: LeaveViewSchema },
  errors: ['NOT_A_DOCTOR', 'LEAVE_NOT_FOUND'],
  uses: ['getLeave'],
  handle: (use, { actor, params }) => use.getLeave.execute(actor, params),
});

/** `DELETE /doctors/leave/{id}`: re-opens the dates of a leave not yet started. @category Endpoints */
export const reopenLeave = endpoint({
  method: 'delete',
  path: '/doctors/leave/{id}',
  operationId: 'reopenLeave',
  tag: 'sittings',
  auth: 'bearer',
  summary:
    'Re-open leave `id` of the current doctor: its sittings that have not started are bookable again (unless another active leave covers them)',
  description:
    'The appointments the leave cancelled stay cancelled: their patients were told, and may book again.',
  params: LeaveIdInput,
  response: {
    status: 200,
    description: 'The re-opened leave and how many sittings it re-opened.',
    schema: ReopenedLeaveViewSchema,
  },
  errors: ['NOT_A_DOCTOR', 'LEAVE_NOT_FOUND', 'LEAVE_REOPENED'],
  uses: ['reopenLeave'],
  handle: (use, { actor, params }) => use.reopenLeave.execute(actor, params),
});
