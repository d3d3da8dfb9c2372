import { RegisterUserInput } from '@doctorly/core';
import { UserViewSchema } from '../openapi/view-schemas.js';
import type { RouteDeps } from './deps.js';
import { route, untrusted, type RouteDefinition } from './route.js';

/** `POST /users/register` and `GET /users/info`. */
export function userRoutes({ runtime }: RouteDeps): RouteDefinition[] {
  const { useCases } = runtime;
  return [
    route({
      method: 'post', path: '/users/register', operationId: 'registerUser', tag: 'users', auth: 'none',
      summary: 'Register a new user (role user; an admin is never self-made)',
      body: { kind: 'json', schema: RegisterUserInput },
      response: { status: 201, description: 'The new user.', schema: UserViewSchema },
      errors: ['EMAIL_TAKEN'],
      handle: ({ body }) => useCases.registerUser.execute(untrusted(body)),
    }),
    route({
      method: 'get', path: '/users/info', operationId: 'getCurrentUser', tag: 'users', auth: 'bearer',
      summary: 'The current user',
      response: { status: 200, description: 'The caller.', schema: UserViewSchema },
      errors: [],
      handle: ({ actor }) => useCases.getCurrentUser.execute(actor),
    }),
  ];
}
