import { SittingIdInput } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { SittingBoardViewSchema } from '../openapi/view-schemas.js';

/**
 * `GET /sittings/{id}/board`: the public queue board of one sitting, for a waiting-room
 * screen. No authentication, and no patient in it (no names, no ids, no emails).
 * @category Endpoints
 */
export const getSittingBoard = endpoint({
  method: 'get',
  path: '/sittings/{id}/board',
  operationId: 'getSittingBoard',
  tag: 'sittings',
  auth: 'none',
  summary:
    'The public queue board of sitting `id`: who is being seen, how many wait and when each place is expected (no patient names or ids)',
  description:
    'Public: no token needed. `version` increases with every change of the sitting or its appointments.',
  params: SittingIdInput,
  response: {
    status: 200,
    description: 'The board, its places by queue number.',
    schema: SittingBoardViewSchema,
  },
  errors: ['SITTING_NOT_FOUND'],
  uses: ['getSittingBoard'],
  handle: (use, { params }) => use.getSittingBoard.execute(params),
});
