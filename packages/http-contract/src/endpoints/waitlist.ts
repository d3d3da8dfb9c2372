import { JoinWaitlistInput, WaitlistEntryIdInput } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { WaitlistEntryViewSchema } from '../openapi/view-schemas.js';

/** `POST /patient/waitlist`: wait for a place in a full sitting. @category Endpoints */
export const joinWaitlist = endpoint({
  method: 'post',
  path: '/patient/waitlist',
  operationId: 'joinWaitlist',
  tag: 'waitlist',
  auth: 'bearer',
  summary:
    "Put one of the caller's patients on the waitlist of a full sitting of a slot (the next one, or the one on `date`)",
  description:
    'Only a full sitting has a waitlist (else `PLACES_AVAILABLE`: book instead). A freed place goes to the first entry at once, in the transaction that frees it: the entry becomes `promoted` with a booked appointment.',
  body: { kind: 'json', schema: JoinWaitlistInput },
  response: {
    status: 201,
    description: 'The entry and its position.',
    schema: WaitlistEntryViewSchema,
  },
  errors: [
    'PATIENT_NOT_FOUND',
    'SLOT_NOT_FOUND',
    'PLACES_AVAILABLE',
    'ALREADY_BOOKED',
    'ALREADY_WAITING',
    'WAITLIST_FULL',
    'TOO_MANY_APPOINTMENTS',
    'SITTING_CLOSED',
    'SITTING_CANCELLED',
    'SITTING_PAST',
    'SITTING_OUT_OF_HORIZON',
    'NOT_A_SITTING_DATE',
  ],
  uses: ['joinWaitlist'],
  handle: (use, { actor, body }) => use.joinWaitlist.execute(actor, body),
});

/** `GET /patient/waitlist`: the caller's entries. @category Endpoints */
export const listMyWaitlist = endpoint({
  method: 'get',
  path: '/patient/waitlist',
  operationId: 'listMyWaitlist',
  tag: 'waitlist',
  auth: 'bearer',
  summary:
    "The caller's waitlist entries, newest first: the waiting ones with their position, and those ended in the last 7 days with their status",
  response: {
    status: 200,
    description: 'The entries (at most 100).',
    schema: WaitlistEntryViewSchema.array(),
  },
  errors: [],
  uses: ['listMyWaitlist'],
  handle: (use, { actor }) => use.listMyWaitlist.execute(actor),
});

/** `GET /patient/waitlist/{id}`: one entry. @category Endpoints */
export const getWaitlistEntry = endpoint({
  method: 'get',
  path: '/patient/waitlist/{id}',
  operationId: 'getWaitlistEntry',
  tag: 'waitlist',
  auth: 'bearer',
  summary: 'One waitlist entry with its status and position (its owner or an admin)',
  params: WaitlistEntryIdInput,
  response: { status: 200, description: 'The entry.', schema: WaitlistEntryViewSchema },
  errors: ['WAITLIST_ENTRY_NOT_FOUND'],
  uses: ['getWaitlistEntry'],
  handle: (use, { actor, params }) => use.getWaitlistEntry.execute(actor, params),
});

/** `DELETE /patient/waitlist/{id}`: leave a waitlist. @category Endpoints */
export const leaveWaitlist = endpoint({
  method: 'delete',
  path: '/patient/waitlist/{id}',
  operationId: 'leaveWaitlist',
  tag: 'waitlist',
  auth: 'bearer',
  summary: "Take one of the caller's entries off its waitlist (only while it waits)",
  params: WaitlistEntryIdInput,
  response: { status: 200, description: 'The entry, now `left`.', schema: WaitlistEntryViewSchema },
  errors: ['WAITLIST_ENTRY_NOT_FOUND', 'INVALID_STATUS_TRANSITION'],
  uses: ['leaveWaitlist'],
  handle: (use, { actor, params }) => use.leaveWaitlist.execute(actor, params),
});
