import { endpoint } from '../endpoint/endpoint.js';
import { TokenViewSchema } from '../openapi/view-schemas.js';

/** `POST /auth/get_token`: HTTP Basic → bearer token. @category Endpoints */
export const getToken = endpoint({
  method: 'post',
  path: '/auth/get_token',
  operationId: 'getToken',
  tag: 'auth',
  auth: 'basic',
  summary: 'Exchange an email and password (HTTP Basic) for a bearer token',
  description:
    'Failed attempts are limited per account and per client address; past the limit the answer is 429 with Retry-After.',
  response: {
    status: 200,
    description: 'A bearer token and when it expires.',
    schema: TokenViewSchema,
  },
  errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
  uses: ['issueToken'],
  handle: (use, { actor, client }) => use.issueToken.execute({ ...actor, address: client.address }),
});

/** `PUT /auth/logout`: revokes the presented token. @category Endpoints */
export const logout = endpoint({
  method: 'put',
  path: '/auth/logout',
  operationId: 'logout',
  tag: 'auth',
  auth: 'bearer',
  summary: 'Revoke the presented token',
  response: {
    status: 204,
    description: 'The token is revoked: it no longer authenticates anyone.',
  },
  errors: [],
  uses: ['revokeToken'],
  handle: (use, { actor }) => use.revokeToken.execute(actor.claims),
});
