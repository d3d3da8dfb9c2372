import { DomainError } from '@doctorly/core';
import { basicCredentials } from '../http/credentials.js';
import { TokenViewSchema } from '../openapi/view-schemas.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDefinition } from './route.js';

/** `POST /auth/get_token` (HTTP Basic → bearer token) and `PUT /auth/logout`. */
export function authRoutes({ runtime }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  return [
    route({
      method: 'post', path: '/auth/get_token', operationId: 'getToken', tag: 'auth', auth: 'basic',
      summary: 'Exchange an email and password (HTTP Basic) for a bearer token',
      description: 'Failed attempts are limited per account and per client address; past the limit the answer is 429 with Retry-After.',
      response: { status: 200, description: 'A bearer token and when it expires.', schema: TokenViewSchema },
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
      handle: async ({ ctx }) => {
        const credentials = basicCredentials(ctx.get('Authorization') || undefined);
        if (credentials === undefined) throw new DomainError('UNAUTHENTICATED', 'HTTP Basic credentials (email:password) are required.');
        if (credentials === null) throw new DomainError('UNAUTHENTICATED', 'The Authorization header is not well-formed HTTP Basic.');
        return useCases.issueToken.execute({ ...credentials, address: ctx.ip });
      },
    }),
    route({
      method: 'put', path: '/auth/logout', operationId: 'logout', tag: 'auth', auth: 'bearer',
      summary: 'Revoke the presented token',
      response: { status: 204, description: 'The token is revoked: it no longer authenticates anyone.' },
      errors: [],
      handle: async ({ actor }) => {
        await useCases.revokeToken.execute(actor.claims);
        return undefined;
      },
    }),
  ];
}
