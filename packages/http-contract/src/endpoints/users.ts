import { RegisterUserInput } from '@doctorly/core';
import { endpoint } from '../endpoint/endpoint.js';
import { UserViewSchema } from '../openapi/view-schemas.js';

/** `POST /users/register`. @category Endpoints */
export const registerUser = endpoint({
  method: 'post',
  path: '/users/register',
  operationId: 'registerUser',
  tag: 'users',
  auth: 'none',
  summary: 'Register a new user (role user; an admin is never self-made)',
  body: { kind: 'json', schema: RegisterUserInput },
  response: { status: 201, description: 'The new user.', schema: UserViewSchema },
  errors: ['EMAIL_TAKEN'],
  uses: ['registerUser'],
  handle: (use, { body }) => use.registerUser.execute(body),
});

/** `GET /users/info`. @category Endpoints */
export const getCurrentUser = endpoint({
  method: 'get',
  path: '/users/info',
  operationId: 'getCurrentUser',
  tag: 'users',
  auth: 'bearer',
  summary: 'The current user',
  response: { status: 200, description: 'The caller.', schema: UserViewSchema },
  errors: [],
  uses: ['getCurrentUser'],
  handle: (use, { actor }) => use.getCurrentUser.execute(actor),
});
