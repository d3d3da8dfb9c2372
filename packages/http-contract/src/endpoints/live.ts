import { AppointmentIdInput, SittingIdInput } from '@doctorly/core';
import type { EndpointDeclaration } from '../endpoint/declaration.js';
import { z } from '../zod.js';

/** Declares a live endpoint, keeping its operation id as a literal type. */
function live<const Id extends string>(
  declaration: EndpointDeclaration & { readonly operationId: Id },
) {
  return declaration;
}

/**
 * The `Last-Event-ID` header a reconnecting `EventSource` sends. Read, never required: the
 * stream always starts with the current state, so an old or unknown id costs nothing.
 */
const LastEventIdHeader = z.object({
  'last-event-id': z.string().optional().openapi({
    description: 'The `id` of the last event received; the stream resumes with the current state.',
  }),
});

/** What every stream's description says about its framing. */
const streamFraming =
  'A `text/event-stream` (WHATWG Server-Sent Events). Every event has `id:` = the sitting board `version` ' +
  '(strictly increasing with every visible change) and `data:` = one line of JSON. The first event is the ' +
  'current state; a reconnect with `Last-Event-ID` gets the current state at once (never older events). ' +
  'A `: heartbeat` comment every 15 s keeps proxies from closing the stream; `retry:` suggests the ' +
  'reconnection delay. Expected times move with the clock, so the state is re-rendered every 30 s and ' +
  'sent again (same `id`) when it changed. A client that does not read is dropped once its buffer is full.';

/**
 * Live endpoints: the Server-Sent Events streams of a sitting's board and of an
 * appointment, and the waiting-room page that shows the board. Declared here so every host
 * documents them alike; a host serves them itself (they hold a connection open, which the
 * request/answer `serve` of an API endpoint cannot express).
 * @category Endpoints
 */
export const liveEndpoints = [
  live({
    method: 'get',
    path: '/sittings/{id}/board/live',
    operationId: 'watchSittingBoard',
    tag: 'live',
    auth: 'none',
    summary: "Live updates of a sitting's public queue board (Server-Sent Events, `event: board`)",
    description: `${streamFraming} Each \`board\` event's data is the board of \`GET /sittings/{id}/board\`.`,
    params: SittingIdInput,
    headers: LastEventIdHeader,
    response: {
      status: 200,
      description: 'The stream of `board` events.',
      contentType: 'text/event-stream',
    },
    errors: ['SITTING_NOT_FOUND'],
  }),
  live({
    method: 'get',
    path: '/patient/appointment/{id}/live',
    operationId: 'watchAppointment',
    tag: 'live',
    auth: 'bearer',
    summary:
      'Live updates of one appointment: its place, who is being served, when to come (Server-Sent Events, `event: appointment`; its owner or its doctor)',
    description: `${streamFraming} Each \`appointment\` event's data is the appointment view. Anyone but the appointment's owner or doctor gets 404, as if it did not exist.`,
    params: AppointmentIdInput,
    headers: LastEventIdHeader,
    response: {
      status: 200,
      description: 'The stream of `appointment` events.',
      contentType: 'text/event-stream',
    },
    errors: ['APPOINTMENT_NOT_FOUND'],
  }),
  live({
    method: 'get',
    path: '/board/sittings/{id}',
    operationId: 'sittingBoardPage',
    tag: 'live',
    auth: 'none',
    summary:
      'The waiting-room page of a sitting: the number being served and the queue with expected times, in large type, updating live',
    description:
      'One self-contained HTML page (inline CSS and script under a strict Content-Security-Policy, no external resources). It follows `GET /sittings/{id}/board/live` and says so when the sitting does not exist or the stream is reconnecting.',
    params: SittingIdInput,
    response: { status: 200, description: 'The page.', contentType: 'text/html' },
    errors: [],
  }),
] as const;

/** The operation id of a live endpoint: a host serving them has one handler per id. @category Endpoints */
export type LiveOperationId = (typeof liveEndpoints)[number]['operationId'];
